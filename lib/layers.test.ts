import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";

// The layers (ARCHITECTURE.md, issue 14): the legal core (lib/requests, lib/deadlines) holds rules
// without I/O, validation may use the core but never the data layer. eslint.config.js enforces it;
// this proves the rule bites on a file that breaks it, so `npm test` (lint) would fail.

const root = path.resolve(import.meta.dirname, "..");
const probes = [
  path.join(root, "lib/requests/zz-layer-probe.ts"),
  path.join(root, "lib/validation/zz-layer-probe.ts"),
];

afterAll(() => {
  for (const probe of probes) rmSync(probe, { force: true });
});

async function lint(file: string, source: string) {
  writeFileSync(file, source);
  const [result] = await new ESLint({ cwd: root }).lintFiles([file]);
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("layer boundaries", () => {
  it("refuse the data layer, the database and server-only code in the legal core", async () => {
    const messages = await lint(
      probes[0]!,
      `import { getDb } from "@/lib/db";\nimport { recordAudit } from "@/lib/audit/record";\nimport "server-only";\nexport const x = [getDb, recordAudit];\n`,
    );
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(/legal core holds rules only/);
    const clean = await lint(
      probes[0]!,
      `import { can } from "@/lib/auth/permissions";\nimport { isOpen } from "./lifecycle";\nexport const x = [can, isOpen];\n`,
    );
    expect(clean).toEqual([]);
  }, 60_000);

  it("refuse the data layer in validation", async () => {
    const messages = await lint(
      probes[1]!,
      `import { getRequest } from "@/lib/data/requests/get-request";\nexport const x = getRequest;\n`,
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/Validation ships to the browser/);
  }, 60_000);
});
