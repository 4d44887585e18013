// Benchmark of the integration API's provision push (issue 6): in a fresh database, a system, its
// key and 2,000 subjects it knows by its own ids; 200,000 provision events POSTed in batches of
// 10,000 to /api/v1/provisions of the running production app (scripts/bench/app-server.ts); then
// the table is emptied and the same rows are loaded by COPY … FROM STDIN through psql, as the
// floor. Prints events/s of both and the ratio; PASS/FAIL for ≥ 5,000 events/s and ≥ 0.3× COPY.
// Not a timed test.
//
//   NEXT_DIST_DIR=.next-bench-ingest npx next build      (once, or pass --build)
//   tsx --conditions=react-server scripts/bench/ingest.ts [--build] [--in-process]
//
// --in-process calls the route handler's function (lib/integration/endpoints.ts) without the
// app: the same code, parsing and SQL, minus Next's HTTP layer.
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";

import pg from "pg";

import { createPrismaClient } from "../../lib/db";
import { createApiKey } from "../../lib/integration/keys";
import { createTestDatabase } from "../lib/test-database";

import { buildApp, startApp } from "./app-server";

const { values: args } = parseArgs({
  options: {
    build: { type: "boolean", default: false },
    "in-process": { type: "boolean", default: false },
    port: { type: "string", default: "3298" },
    events: { type: "string", default: "200000" },
    batch: { type: "string", default: "10000" },
    keep: { type: "boolean", default: false },
  },
});
const distDir = process.env.NEXT_DIST_DIR ?? ".next-bench-ingest";
const TOTAL = Number(args.events);
const BATCH = Number(args.batch);
const SUBJECTS = 2000;
const log = (line: string) => console.log(line);

async function seed(url: string) {
  const db = createPrismaClient(url, { max: 2 });
  const system = await db.dataSystem.create({
    data: { key: "bench-pos", nameJa: "販売", nameEn: "Point of sale", connector: "HTTP" },
  });
  await db.recipient.createMany({
    data: ["partner-a", "partner-b", "group-c"].map((key, i) => ({
      key,
      nameJa: key,
      nameEn: key,
      recipientClass: i === 2 ? "GROUP_COMPANY" : "THIRD_PARTY",
    })),
  });
  await db.purpose.createMany({
    data: ["marketing", "service"].map((key) => ({ key, nameJa: key, nameEn: key })),
  });
  await db.dataCategory.createMany({
    data: ["name", "email", "purchase_history"].map((key) => ({ key, nameJa: key, nameEn: key })),
  });
  await db.scene.create({ data: { key: "checkout", nameJa: "購入", nameEn: "Checkout" } });
  const subjects = Array.from({ length: SUBJECTS }, (_, i) => ({
    id: `bench-subject-${i}`,
    familyName: "試験",
    givenName: `${i}`,
  }));
  await db.subject.createMany({ data: subjects });
  await db.subjectExternalId.createMany({
    data: subjects.map((s, i) => ({ subjectId: s.id, systemId: system.id, externalId: `C${i}` })),
  });
  const key = await db.$transaction((tx) =>
    createApiKey(tx, {
      systemId: system.id,
      label: "bench",
      scopes: ["PUSH_PROVISIONS"],
      createdById: null,
    }),
  );
  await db.$disconnect();
  return { systemId: system.id, key: key.key };
}

const RECIPIENTS = ["partner-a", "partner-b", "group-c"];
const event = (i: number) => ({
  eventId: `ev-${i}`,
  subject: `C${i % SUBJECTS}`,
  recipient: RECIPIENTS[i % 3]!,
  purpose: i % 2 ? "marketing" : "service",
  scene: "checkout",
  providedAt: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(),
  items: i % 2 ? ["name", "email"] : ["name", "purchase_history"],
  legalBasis: "CONSENT",
  keepUntil: "2028-01-01T00:00:00.000Z",
});

async function pushAll(post: (body: string) => Promise<{ status: number; json: unknown }>) {
  const bodies: string[] = [];
  for (let start = 0; start < TOTAL; start += BATCH)
    bodies.push(
      JSON.stringify({
        events: Array.from({ length: Math.min(BATCH, TOTAL - start) }, (_, j) => event(start + j)),
      }),
    );
  // One warm-up call (compiles the route, warms the pool), then the timed batches.
  const warm = await post(JSON.stringify({ events: [event(TOTAL + 1)] }));
  if (warm.status !== 200) throw new Error(`warm-up answered ${warm.status}`);
  const started = performance.now();
  for (const body of bodies) {
    const answer = await post(body);
    if (answer.status !== 200)
      throw new Error(`push answered ${answer.status}: ${JSON.stringify(answer.json)}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const again = await post(bodies[0]!);
  return { seconds, again: again.json as { stored: number; duplicates: number } };
}

function csvRows(ids: {
  subjects: Map<string, string>;
  keys: Map<string, string>;
  systemId: string;
}) {
  const lines: string[] = [];
  for (let i = 0; i < TOTAL; i++) {
    const e = event(i);
    lines.push(
      [
        `copy-${i}`,
        ids.subjects.get(e.subject),
        ids.keys.get(`r:${e.recipient}`),
        ids.keys.get(`p:${e.purpose}`),
        ids.keys.get("s:checkout"),
        ids.systemId,
        e.providedAt,
        "",
        `"{${e.items.join(",")}}"`,
        e.legalBasis,
        e.keepUntil,
        e.eventId,
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

async function copyFloor(url: string, systemId: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const subjects = new Map(
    (
      await client.query<{ externalId: string; subjectId: string }>(
        `SELECT "externalId", "subjectId" FROM "SubjectExternalId"`,
      )
    ).rows.map((r) => [r.externalId, r.subjectId]),
  );
  const keys = new Map<string, string>();
  for (const [prefix, table] of [
    ["r", "Recipient"],
    ["p", "Purpose"],
    ["s", "Scene"],
  ] as const)
    for (const r of (
      await client.query<{ key: string; id: string }>(`SELECT key, id FROM "${table}"`)
    ).rows)
      keys.set(`${prefix}:${r.key}`, r.id);
  await client.query(`TRUNCATE "ProvisionRecord"`);
  await client.end();
  const csv = csvRows({ subjects, keys, systemId });
  const sql = `COPY "ProvisionRecord" ("id", "subjectId", "recipientId", "purposeId", "sceneId", "sourceSystemId", "providedAt", "periodEnd", "items", "legalBasis", "keepUntil", "externalEventId") FROM STDIN WITH (FORMAT csv)`;
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const psql = spawn("psql", [url, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql], {
      stdio: ["pipe", "ignore", "inherit"],
    });
    psql.on("error", reject);
    psql.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`psql exited ${code}`))));
    psql.stdin.end(csv);
  });
  return (performance.now() - started) / 1000;
}

const database = await createTestDatabase({ prefix: "bench_ingest" });
try {
  log(`Seeding ${database.name}: one system, its key, ${SUBJECTS} subjects…`);
  const seeded = await seed(database.url);
  let post: (body: string) => Promise<{ status: number; json: unknown }>;
  let stop = () => {};
  if (args["in-process"]) {
    process.env.DATABASE_URL = database.url;
    const { postProvisions } = await import("../../lib/integration/endpoints");
    post = async (body) => {
      const answer = await postProvisions(
        new Request("http://bench/api/v1/provisions", {
          method: "POST",
          headers: { authorization: `Bearer ${seeded.key}`, "content-type": "application/json" },
          body,
        }),
      );
      return { status: answer.status, json: await answer.json() };
    };
  } else {
    if (args.build) buildApp(distDir);
    const app = await startApp({ port: args.port, distDir, databaseUrl: database.url });
    stop = app.stop;
    post = async (body) => {
      const answer = await fetch(`${app.base}/api/v1/provisions`, {
        method: "POST",
        headers: { authorization: `Bearer ${seeded.key}`, "content-type": "application/json" },
        body,
      });
      return { status: answer.status, json: await answer.json() };
    };
  }
  const api = await pushAll(post);
  stop();
  const copySeconds = await copyFloor(database.url, seeded.systemId);
  const apiRate = TOTAL / api.seconds;
  const copyRate = TOTAL / copySeconds;
  const via = args["in-process"] ? "in-process route function" : "HTTP, next start";
  log(`\n${TOTAL} provision events in batches of ${BATCH}, 2,000 subjects`);
  log(`  API (${via}): ${api.seconds.toFixed(2)} s, ${Math.round(apiRate)} events/s`);
  log(`  COPY FROM STDIN (psql): ${copySeconds.toFixed(2)} s, ${Math.round(copyRate)} events/s`);
  log(`  ratio API / COPY: ${(apiRate / copyRate).toFixed(2)}`);
  log(`  resent first batch: stored ${api.again.stored}, duplicates ${api.again.duplicates}`);
  const ok = apiRate >= 5000 && apiRate / copyRate >= 0.3 && api.again.stored === 0;
  log(`  ${apiRate >= 5000 ? "PASS" : "FAIL"} ≥ 5,000 events/s`);
  log(`  ${apiRate / copyRate >= 0.3 ? "PASS" : "FAIL"} ≥ 0.3× COPY`);
  process.exitCode = ok ? 0 : 1;
} finally {
  if (!args.keep) await database.drop();
}
