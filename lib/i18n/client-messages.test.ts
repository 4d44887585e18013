import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { resolveImport } from "@/scripts/lib/import-graph";

import { BASE_CLIENT_SECTIONS, CLIENT_SECTIONS } from "./client-messages";

// Client components translate with the catalogue sections the browser receives. The layout sends
// BASE_CLIENT_SECTIONS to every page; a page that renders other client components declares their
// sections with <ClientSections sections={[...]}> (components/i18n/client-sections.tsx). These
// tests read the source: which client files each page reaches through its imports, which
// sections those files use, and which the page declares.

const root = path.resolve(import.meta.dirname, "..", "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [file] : [];
  });
}

const read = (file: string) => readFileSync(file, "utf8");
const isClient = (file: string) => read(file).startsWith('"use client"');

function sectionsUsedBy(file: string): Set<string> {
  const used = new Set<string>();
  for (const match of read(file).matchAll(
    /\b(?:t|label|legend|help|all|selected|titleKey|messageKey)[(=:]\s*[`"]([a-zA-Z]+)\.[a-zA-Z$]/g,
  ))
    used.add(match[1]!);
  return used;
}

/** Every project file a file reaches through its static imports (itself included; types aside). */
function reachable(start: string): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of read(file).matchAll(
      /^(?:import|export)\s(?!type\s)[^;]*?from\s+"([^"]+)";/gms,
    )) {
      const next = resolveImport(root, file, match[1]!);
      if (next && !next.includes(`${path.sep}generated${path.sep}`)) queue.push(next);
    }
  }
  return seen;
}

/**
 * The deferred components a file defines (components/forms/defer-until-used.tsx): the module each
 * loads and the catalogue sections loaded with it (lib/i18n/lazy-sections.ts).
 */
function deferredIn(file: string): { target: string; sections: string[] }[] {
  return [
    ...read(file).matchAll(
      /deferUntilUsed\(\s*\(\)\s*=>\s*import\("([^"]+)"\)\.then\(\(m\) => m\.\w+\),?\s*(?:\[([^\]]*)\])?/g,
    ),
  ].map((m) => ({
    target: resolveImport(root, file, m[1]!)!,
    sections: [...(m[2] ?? "").matchAll(/"([a-zA-Z]+)"/g)].map((n) => n[1]!),
  }));
}

function declaredBy(page: string): Set<string> {
  const declared = new Set<string>();
  for (const match of read(page).matchAll(/<ClientSections[^>]*sections=\{\[([^\]]*)\]\}/g))
    for (const name of match[1]!.matchAll(/"([a-zA-Z]+)"/g)) declared.add(name[1]!);
  return declared;
}

// The product's pages (the benchmark floors under app/bench give their own provider).
const pages = sources(path.join(root, "app", "[locale]")).filter((f) => /[/\\]page\.tsx$/.test(f));

describe("client catalogue", () => {
  it("carries every section that client components translate with", () => {
    const clientFiles = [
      ...sources(path.join(root, "app")),
      ...sources(path.join(root, "components")),
    ].filter(isClient);
    expect(clientFiles.length).toBeGreaterThan(5);
    const used = new Set(clientFiles.flatMap((f) => [...sectionsUsedBy(f)]));
    expect(used.size).toBeGreaterThan(3);
    const missing = [...used].filter((s) => !(CLIENT_SECTIONS as readonly string[]).includes(s));
    expect(missing).toEqual([]);
  });

  it("gives each page the sections of the client components it renders", () => {
    expect(pages.length).toBeGreaterThan(10);
    const base = new Set<string>(BASE_CLIENT_SECTIONS);
    const layoutNeeds = new Set(
      [...reachable(path.join(root, "app", "[locale]", "layout.tsx"))]
        .filter(isClient)
        .flatMap((f) => [...sectionsUsedBy(f)]),
    );
    expect([...layoutNeeds].filter((s) => !base.has(s))).toEqual([]);
    const problems: string[] = [];
    for (const page of pages) {
      const needs = new Set(
        [...reachable(page)].filter(isClient).flatMap((f) => [...sectionsUsedBy(f)]),
      );
      const declared = declaredBy(page);
      const name = path.relative(root, page);
      const missing = [...needs].filter((s) => !base.has(s) && !declared.has(s));
      if (missing.length) problems.push(`${name} misses ${missing.join(", ")}`);
      // A deferred form's code: its sections come from the page or load with it.
      for (const deferred of [...reachable(page)].flatMap(deferredIn)) {
        const uses = [...reachable(deferred.target)]
          .filter(isClient)
          .flatMap((f) => [...sectionsUsedBy(f)]);
        const lacking = uses.filter(
          (s) => !base.has(s) && !declared.has(s) && !deferred.sections.includes(s),
        );
        if (lacking.length)
          problems.push(
            `${name}: ${path.relative(root, deferred.target)} misses ${[...new Set(lacking)].join(", ")}`,
          );
      }
    }
    expect(problems).toEqual([]);
  });

  it("finds the deferred forms and what they load", () => {
    const deferred = deferredIn(path.join(root, "components", "staff", "deferred-forms.ts"));
    expect(deferred.length).toBeGreaterThan(15);
    for (const d of deferred) expect(statSync(d.target).isFile()).toBe(true);
    expect(deferred.some((d) => d.sections.includes("decisions"))).toBe(true);
  });
});
