import path from "node:path";

// Where the e2e servers listen and keep their state; shared by the config, servers and specs.
// E2E_SLOT (0 by default) shifts ports, database, state folder and build folder, so several
// developers' runs can share one machine without meeting.
const root = path.resolve(import.meta.dirname, "..", "..");
const slot = Number(process.env.E2E_SLOT ?? "0");
const state = path.join(root, slot ? `.e2e-${slot}` : ".e2e");
const adminUrl = process.env.E2E_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const database = slot ? `dsar_e2e_${slot}` : "dsar_e2e";

export const E2E = {
  root,
  state,
  distDir: slot ? `.next-${slot}` : ".next",
  adminUrl,
  pg: {
    port: 3100 + 10 * slot,
    baseURL: `http://localhost:${3100 + 10 * slot}`,
    database,
    url: adminUrl.replace(/\/[^/]*$/, `/${database}`),
  },
  embedded: {
    port: 3101 + 10 * slot,
    baseURL: `http://localhost:${3101 + 10 * slot}`,
    dataDir: path.join(state, "embedded-data"),
  },
  smtp: { port: 2525 + slot, inbox: path.join(state, "smtp-inbox.jsonl") },
  // The demo organisation's HTTP system ("reservations"), run beside the PostgreSQL server.
  reservations: { port: 4010 + 10 * slot },
  authSecret: "e2e-secret-not-for-production-0123456789abcdef",
  masterKey: Buffer.alloc(32, 7).toString("base64"),
  // This portal's id in the Data Rights Protocol (DRP_BUSINESS_ID of the PostgreSQL server).
  drpBusinessId: "SAKURA_LINK_E2E",
} as const;
