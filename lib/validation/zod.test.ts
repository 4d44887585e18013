import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { resolveImport } from "@/scripts/lib/import-graph";

// Schemas built in the browser must be built after zod is told not to compile with `new Function`
// (lib/validation/zod.ts): so no module but that one takes `z` from zod directly.

const root = path.resolve(import.meta.dirname, "..", "..");

describe("zod in the browser", () => {
  it("is imported for schemas from lib/validation/zod only", () => {
    const hits = execFileSync(
      "git",
      [
        "grep",
        "-l",
        "-E",
        '^import \\{[^}]*\\bz\\b[^}]*\\} from "zod"',
        "--",
        "app",
        "components",
        "lib",
      ],
      { cwd: root, encoding: "utf8" },
    )
      .split("\n")
      .filter(Boolean)
      .filter((file) => !file.endsWith(".test.ts"));
    expect(hits).toEqual(["lib/validation/zod.ts"]);
  });
});

describe("zod on a page's first load", () => {
  // Client components take the forms' choices from lib/validation/choices (no zod) and their
  // schemas through a dynamic import (components/forms/lazy-resolver.ts), so zod reaches the
  // browser only when a form is first checked. Any static value import, however indirect, of a
  // schema module from a client component would put it back on every first load.
  it("is not reached by static imports from any client component", () => {
    const clientFiles = execFileSync(
      "git",
      ["grep", "-l", "-E", '^"use client";', "--", "app", "components", "lib"],
      { cwd: root, encoding: "utf8" },
    )
      .split("\n")
      .filter(Boolean)
      .map((file) => path.join(root, file));
    const reachedFrom = new Map<string, string | null>(clientFiles.map((f) => [f, null]));
    const queue = [...clientFiles];
    const offenders: string[] = [];
    while (queue.length > 0) {
      const file = queue.shift()!;
      const source = readFileSync(file, "utf8");
      // A server action is a reference in the client bundle; its imports stay on the server.
      if (source.trimStart().startsWith('"use server"')) continue;
      const statics = source.matchAll(/^(?:import|export) (?!type )[^;]*? from "([^"]+)";/gms);
      for (const [, spec] of statics) {
        const target = importTarget(file, spec!);
        if (!target) continue;
        if (target === "zod" || isSchemaModule(target)) {
          offenders.push(chain(reachedFrom, file, target));
          continue;
        }
        if (reachedFrom.has(target)) continue;
        reachedFrom.set(target, file);
        queue.push(target);
      }
    }
    expect(offenders).toEqual([]);
  });
});

const isSchemaModule = (file: string) =>
  file.includes(`${path.sep}lib${path.sep}validation${path.sep}`) &&
  !file.endsWith(`${path.sep}choices.ts`);

/** The project file (or "zod") an import names; other packages are not followed. */
const importTarget = (from: string, spec: string): string | null =>
  spec === "zod" || spec.startsWith("zod/") ? "zod" : resolveImport(root, from, spec);

function chain(reachedFrom: Map<string, string | null>, file: string, target: string): string {
  const links = [path.relative(root, target) || target];
  for (let at: string | null | undefined = file; at; at = reachedFrom.get(at))
    links.push(path.relative(root, at));
  return links.join(" <- ");
}
