import os from "node:os";
import path from "node:path";

import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Outside Next.js the marker package would throw; tests import server modules directly.
      "server-only": path.resolve(import.meta.dirname, "lib/test/server-only-shim.ts"),
    },
  },
  test: {
    include: ["{lib,scripts,app,components}/**/*.test.{ts,tsx}", "prisma/**/*.test.ts"],
    exclude: ["node_modules", ".next", "e2e"],
    environment: "node",
    // Files written by tests go to a temporary folder, encrypted under a test-only key; mail goes
    // to the dev mailbox table (demo mode, chosen here explicitly).
    env: {
      DEMO_MODE: "1",
      // The test systems the connector and webhook tests start listen on this machine.
      OUTBOUND_ALLOW: "127.0.0.1",
      // The business id the DRP conformance tests' agent signs for (lib/drp).
      DRP_BUSINESS_ID: "SAKURA_LINK_TEST",
      DATA_DIR: path.join(os.tmpdir(), "dsar-vitest"),
      MASTER_KEY: Buffer.alloc(32, 9).toString("base64"),
    },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration tests create their own PostgreSQL databases; files run in parallel.
    pool: "forks",
  },
});
