// The e2e server on PostgreSQL: a fresh database with migrations and the demo seed, mail over SMTP
// to a local sink, and the production build served by `next start`.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

import pg from "pg";

import { createPrismaClient } from "../../lib/db";
import { answerAsDemoSystem } from "../../lib/fulfilment/engine/demo-system";
import { seedDemo } from "../../prisma/seed/index";
import { seedDemoDatabases } from "../../prisma/seed/demo-databases";
import { applyMigrations } from "../../scripts/db/migrations";
import { E2E } from "./config";
import { startSmtpSink } from "./smtp-sink";

mkdirSync(E2E.state, { recursive: true });
writeFileSync(E2E.smtp.inbox, "");

const admin = new pg.Client({ connectionString: E2E.adminUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${E2E.pg.database} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${E2E.pg.database}`);
await admin.end();

await applyMigrations({ url: E2E.pg.url });
const db = createPrismaClient(E2E.pg.url, { max: 2 });
await seedDemo(db);
// The demo's own databases (MariaDB "membership", PostgreSQL "orders"), one pair per run slot.
await seedDemoDatabases(db, {
  mysqlAdminUrl: "mysql://root@127.0.0.1:3306",
  postgresAdminUrl: E2E.adminUrl,
  names: { membership: `${E2E.pg.database}_membership`, orders: `${E2E.pg.database}_orders` },
  masterKey: Buffer.from(E2E.masterKey, "base64"),
});

// The organisation's reservations system, so its fulfilment tasks have a real HTTP endpoint to
// reach: it checks the portal's signature and answers from the seeded items (the same answers
// the demo simulates in-process, lib/fulfilment/engine/demo-system.ts).
const reservations = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === "string") headers.set(name, value);
    answerAsDemoSystem(db, {
      systemKey: "reservations",
      headers,
      rawBody: Buffer.concat(chunks).toString("utf8"),
    }).then(
      (answer) => {
        res.writeHead(answer.status, { "content-type": "application/json" });
        res.end(JSON.stringify(answer.body));
      },
      () => {
        res.writeHead(500).end();
      },
    );
  });
});
await new Promise<void>((resolve) =>
  reservations.listen(E2E.reservations.port, "127.0.0.1", resolve),
);
const system = await db.dataSystem.findUniqueOrThrow({ where: { key: "reservations" } });
await db.dataSystem.update({
  where: { key: "reservations" },
  data: {
    config: {
      ...(system.config as Record<string, unknown>),
      endpoint: `http://127.0.0.1:${E2E.reservations.port}/dsar`,
    },
  },
});

// Each run starts from a fresh database, so nothing cached from an earlier run may be served
// (the transparency page keeps its figures for five minutes in the build's fetch cache).
rmSync(path.join(E2E.root, E2E.distDir, "cache", "fetch-cache"), { recursive: true, force: true });

const sink = await startSmtpSink(E2E.smtp);
const next = spawn(
  path.join(E2E.root, "node_modules", ".bin", "next"),
  ["start", "-p", String(E2E.pg.port)],
  {
    cwd: E2E.root,
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: E2E.distDir,
      // Uploaded files of the e2e run stay in its own state folder, not the demo's data.
      DATA_DIR: path.join(E2E.state, "data"),
      DATABASE_URL: E2E.pg.url,
      SMTP_URL: `smtp://127.0.0.1:${E2E.smtp.port}`,
      // The demo organisation's systems and the specs' test systems run on this machine.
      OUTBOUND_ALLOW: "127.0.0.1",
      AUTH_SECRET: E2E.authSecret,
      MASTER_KEY: E2E.masterKey,
      AUTH_URL: E2E.pg.baseURL,
      // The Data Rights Protocol is on: e2e/drp-agent.spec.ts plays an agent against it.
      DRP_BUSINESS_ID: E2E.drpBusinessId,
      NEXT_TELEMETRY_DISABLED: "1",
      // Warnings and errors only: an access-log line per request would bury the test output
      // (lib/http/request-context.test.ts checks those lines).
      LOG_LEVEL: "warn",
    },
  },
);
const stop = () => {
  next.kill("SIGTERM");
  sink.close();
  reservations.close();
  void db.$disconnect();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
next.on("exit", (code) => process.exit(code ?? 0));
