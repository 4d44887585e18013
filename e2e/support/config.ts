import path from "node:path";

// Where the e2e servers listen and keep their state; shared by the config, servers and specs.
const root = path.resolve(import.meta.dirname, "..", "..");
const state = path.join(root, ".e2e");

export const E2E = {
  root,
  state,
  adminUrl: process.env.E2E_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  pg: {
    port: 3100,
    baseURL: "http://localhost:3100",
    database: "dsar_e2e",
    url: (process.env.E2E_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres").replace(
      /\/[^/]*$/,
      "/dsar_e2e",
    ),
  },
  embedded: {
    port: 3101,
    baseURL: "http://localhost:3101",
    dataDir: path.join(state, "embedded-data"),
  },
  smtp: { port: 2525, inbox: path.join(state, "smtp-inbox.jsonl") },
  authSecret: "e2e-secret-not-for-production-0123456789abcdef",
  masterKey: Buffer.alloc(32, 7).toString("base64"),
} as const;
