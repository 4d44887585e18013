// The e2e server on the embedded default: exactly `npm start` with no DATABASE_URL and no SMTP,
// on a fresh data folder, so the demo seed and the dev mailbox are what a newcomer gets.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

import { E2E } from "./config";

rmSync(E2E.embedded.dataDir, { recursive: true, force: true });
// No cached figures from an earlier run's database (see serve-postgres.ts).
rmSync(path.join(E2E.root, E2E.distDir, "cache", "fetch-cache"), { recursive: true, force: true });
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: E2E.embedded.dataDir,
  PORT: String(E2E.embedded.port),
  NEXT_DIST_DIR: E2E.distDir,
  // Warnings and errors only: an access-log line per request would bury the test output.
  LOG_LEVEL: "warn",
};
delete env.DATABASE_URL;
delete env.SMTP_URL;
const child = spawn(
  path.join(E2E.root, "node_modules", ".bin", "tsx"),
  ["scripts/start.ts", "--no-build"],
  { cwd: E2E.root, stdio: "inherit", env },
);
process.on("SIGTERM", () => child.kill("SIGTERM"));
process.on("SIGINT", () => child.kill("SIGINT"));
child.on("exit", (code) => process.exit(code ?? 0));
