// `npm test`: every check and test, in the order that fails fastest, then one closing count.
// Unit and integration tests (Vitest, against the real PostgreSQL), the production build, then the
// browser tests (Playwright in Debian's Chromium) on PostgreSQL and on the embedded default.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true",
};
mkdirSync("reports", { recursive: true });
rmSync("reports/vitest.json", { force: true });
rmSync("reports/e2e.json", { force: true });

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  return result.status === 0;
}

const bin = (name: string) => `node_modules/.bin/${name}`;
const steps: [string, string, string[]][] = [
  ["prisma generate", bin("prisma"), ["generate", "--no-hints"]],
  ["type check", bin("tsc"), ["--noEmit"]],
  ["lint", bin("eslint"), ["."]],
  ["format", bin("prettier"), ["--check", "--log-level=warn", "."]],
  [
    "unit and integration tests",
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", "--outputFile.json=reports/vitest.json"],
  ],
  ["production build", bin("next"), ["build"]],
  ["browser tests", bin("playwright"), ["test"]],
];

let ok = true;
for (const [label, command, args] of steps) {
  if (!run(label, command, args)) {
    ok = false;
    console.error(`✖ ${label} failed`);
    break;
  }
}

let passed = 0;
let failed = 0;
if (existsSync("reports/vitest.json")) {
  const v = JSON.parse(readFileSync("reports/vitest.json", "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
  };
  passed += v.numPassedTests;
  failed += v.numFailedTests;
}
if (existsSync("reports/e2e.json")) {
  const p = JSON.parse(readFileSync("reports/e2e.json", "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number };
  };
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected;
}
if (!ok && failed === 0) failed = 1; // a failed check (types, lint, build) counts as a failure
console.log(`\nTotal: ${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
