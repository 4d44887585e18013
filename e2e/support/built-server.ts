import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import path from "node:path";

import { E2E } from "./config";

/**
 * Another `next start` of the run's build on `port`, with `env` as its whole environment besides
 * what every such server needs (production mode, the run's build folder, no Next.js telemetry):
 * for the specs that start a server of their own to see the app under other settings.
 */
export function startBuiltServer(options: {
  port: number;
  env: Record<string, string | undefined>;
  stdio?: SpawnOptions["stdio"];
}): ChildProcess {
  return spawn(
    path.join(E2E.root, "node_modules", ".bin", "next"),
    ["start", "-p", String(options.port)],
    {
      cwd: E2E.root,
      stdio: options.stdio ?? "ignore",
      env: {
        ...options.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: E2E.distDir,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
}
