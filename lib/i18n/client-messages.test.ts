import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { CLIENT_SECTIONS } from "./client-messages";

const root = path.resolve(import.meta.dirname, "..", "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(entry) && !entry.endsWith(".test.ts") ? [file] : [];
  });
}

describe("client catalogue", () => {
  it("carries every section that client components translate with", () => {
    const clientFiles = [
      ...sources(path.join(root, "app")),
      ...sources(path.join(root, "components")),
    ].filter((f) => readFileSync(f, "utf8").startsWith('"use client"'));
    expect(clientFiles.length).toBeGreaterThan(5);
    const used = new Set<string>();
    for (const file of clientFiles) {
      for (const match of readFileSync(file, "utf8").matchAll(
        /\b(?:t|label|legend|help|all|selected)[(=:]\s*[`"]([a-zA-Z]+)\.[a-zA-Z]/g,
      )) {
        used.add(match[1]!);
      }
    }
    expect(used.size).toBeGreaterThan(3);
    const missing = [...used].filter((s) => !(CLIENT_SECTIONS as readonly string[]).includes(s));
    expect(missing).toEqual([]);
  });
});
