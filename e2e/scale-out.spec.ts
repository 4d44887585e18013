import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { request as playwrightRequest } from "@playwright/test";
import pg from "pg";
import { PgBoss } from "pg-boss";

import { createPrismaClient } from "../lib/db";
import { pngImage } from "../lib/identity/test-fixtures";
import { seedDemo } from "../prisma/seed/index";
import { applyMigrations } from "../scripts/db/migrations";
import { startS3TestServer, type S3TestServer } from "../scripts/lib/s3-test-server";
import { E2E } from "./support/config";
import { expect, test } from "./support/fixtures";
import { startSmtpSink } from "./support/smtp-sink";

// Scale-out (issue 6): two apps (no job worker inside; the second one as two processes on one
// port, scripts/lib/next-cluster.ts) and two standalone workers on one
// PostgreSQL database of their own and one S3-compatible bucket (the local test server), each
// process with a data folder of its own. A session made through one app is honoured by the other,
// a file stored through one is served by the other, no fulfilment task runs twice and no reminder
// is sent twice. The processes are started from the same production build as the other specs.

test.describe.configure({ mode: "serial", timeout: 240_000 });

const slot = Number(process.env.E2E_SLOT ?? "0");
const database = `dsar_scale_${slot}`;
const url = E2E.adminUrl.replace(/\/[^/]*$/, `/${database}`);
const apps = [3102 + 10 * slot, 3103 + 10 * slot].map((port) => ({
  port,
  baseURL: `http://127.0.0.1:${port}`,
}));
const smtp = { port: 2600 + slot, inbox: path.join(E2E.state, "scale-smtp.jsonl") };
const secret = randomBytes(32).toString("base64url");

let db: pg.Pool;
const processes: ChildProcess[] = [];
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let system: http.Server;
let s3: S3TestServer;
const calls = new Map<string, number>();

const env = () => ({
  ...process.env,
  NODE_ENV: "production" as const,
  NEXT_DIST_DIR: E2E.distDir,
  S3_ENDPOINT: s3.endpoint,
  S3_BUCKET: s3.bucket,
  S3_ACCESS_KEY_ID: s3.accessKeyId,
  S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
  DATABASE_URL: url,
  SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
  OUTBOUND_ALLOW: "127.0.0.1",
  AUTH_SECRET: E2E.authSecret,
  MASTER_KEY: E2E.masterKey,
  AUTH_URL: apps[0]!.baseURL,
  WORKER_MODE: "off",
  NEXT_TELEMETRY_DISABLED: "1",
});

function start(command: string, args: string[], extra: Record<string, string> = {}) {
  // Nothing shared through the disk: each process has its own data folder.
  const dataDir = path.join(E2E.state, `scale-data-${processes.length}`);
  const child = spawn(command, args, {
    cwd: E2E.root,
    env: { ...env(), DATA_DIR: dataDir, ...extra },
    stdio: "ignore",
    detached: true,
  });
  processes.push(child);
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function person(role: string, withSubject = false) {
  const id = randomUUID();
  const email = `${role.toLowerCase()}.${randomBytes(4).toString("hex")}@scale.example.jp`;
  await db.query(
    `INSERT INTO "User" (id, email, "emailVerified", role, locale, "updatedAt") VALUES ($1, $2, now(), $3, 'ja', now())`,
    [id, email, role],
  );
  let subjectId: string | null = null;
  if (withSubject) {
    subjectId = randomUUID();
    await db.query(
      `INSERT INTO "Subject" (id, "userId", "familyName", "givenName", email, "updatedAt") VALUES ($1, $2, '試験', '太郎', $3, now())`,
      [subjectId, id, email],
    );
  }
  const token = randomBytes(32).toString("hex");
  await db.query(
    // Staff have passed their passkey in it (issue 13).
    `INSERT INTO "Session" (id, "sessionToken", "userId", expires, "passkeyAt")
     VALUES ($1, $2, $3, now() + interval '1 hour', CASE WHEN $4 <> 'SUBJECT' THEN now() END)`,
    [randomUUID(), token, id, role],
  );
  return { id, email, subjectId, token };
}

async function insertRequest(subjectId: string, filedById: string, status: string) {
  const id = randomUUID();
  const reference = `R-2099-${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
  await db.query(
    `INSERT INTO "Request" (id, reference, type, status, "subjectId", "filedById", "dueAt", "updatedAt")
     VALUES ($1, $2, 'DISCLOSURE', $3, $4, $5, now() + interval '10 days', now())`,
    [id, reference, status, subjectId, filedById],
  );
  return { id, reference };
}

async function sendJobs(queue: string, payloads: object[], singleton = true) {
  const boss = new PgBoss({
    connectionString: url,
    max: 1,
    supervise: false,
    schedule: false,
    migrate: false,
    useListenNotify: false,
  });
  await boss.start();
  try {
    for (const data of payloads) {
      const key = singleton && "taskId" in data ? String(data.taskId) : undefined;
      await boss.send(queue, data, key ? { singletonKey: key } : {});
    }
  } finally {
    await boss.stop({ graceful: false });
  }
}

test.beforeAll(async () => {
  const admin = new pg.Client({ connectionString: E2E.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  await applyMigrations({ url });
  const prisma = createPrismaClient(url, { max: 2 });
  await seedDemo(prisma);
  await prisma.$disconnect();
  db = new pg.Pool({ connectionString: url, max: 3 });

  writeFileSync(smtp.inbox, "");
  s3 = await startS3TestServer();
  sink = await startSmtpSink(smtp);
  // An HTTP system that counts the tasks it receives.
  system = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const { taskId } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { taskId: string };
      calls.set(taskId, (calls.get(taskId) ?? 0) + 1);
      setTimeout(() => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ items: [] }));
      }, 100);
    });
  });
  await new Promise<void>((resolve) => system.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(system.address() as AddressInfo).port}/tasks`;
  await db.query(
    `INSERT INTO "DataSystem" (id, key, "nameJa", "nameEn", connector, config, secret, "updatedAt")
     VALUES ($1, 'counting', '計数', 'Counting', 'HTTP', $2, $3, now())`,
    [randomUUID(), JSON.stringify({ endpoint, timeoutMs: 10_000 }), secret],
  );

  const next = path.join(E2E.root, "node_modules", ".bin", "next");
  const tsx = path.join(E2E.root, "node_modules", ".bin", "tsx");
  // A is one `next start`; B is two processes on one port, as `WEB_CONCURRENCY=2` runs them.
  start(next, ["start", "-p", String(apps[0]!.port)]);
  start(process.execPath, [
    "--import",
    "tsx",
    "scripts/lib/next-cluster.ts",
    String(apps[1]!.port),
    "2",
  ]);
  for (let i = 0; i < 2; i++) start(tsx, ["scripts/worker.ts"], { WORKER_MODE: "inline" });
  for (const app of apps)
    await waitFor(async () => (await fetch(`${app.baseURL}/ja`)).ok, 120_000, `app ${app.port}`);
  // Both workers have registered with pg-boss.
  await waitFor(
    async () =>
      (await db.query(`SELECT count(*)::int AS n FROM pgboss.instance WHERE stopped_on IS NULL`))
        .rows[0].n >= 2,
    60_000,
    "two workers",
  );
});

test.afterAll(async () => {
  for (const child of processes) {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  }
  system?.close();
  sink?.close();
  await s3?.close();
  await db?.end();
});

test("a session and a file made through one app process are honoured by the other", async () => {
  const subject = await person("SUBJECT", true);
  const staff = await person("STAFF");
  const request = await insertRequest(subject.subjectId!, subject.id, "AWAITING_IDENTITY");
  const [a, b] = await Promise.all(
    apps.map((app) => playwrightRequest.newContext({ baseURL: app.baseURL })),
  );
  const cookie = (token: string) => ({ Cookie: `authjs.session-token=${token}` });

  // The subject's page, through either process, with the one database session.
  for (const ctx of [a!, b!]) {
    const page = await ctx.get(`/ja/me/requests/${request.reference}`, {
      headers: cookie(subject.token),
      maxRedirects: 0,
    });
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain(request.reference);
  }

  // An identity document uploaded through A, viewed by staff through B.
  const png = await pngImage();
  const upload = await a!.post(`/api/requests/${request.reference}/documents`, {
    headers: cookie(subject.token),
    multipart: {
      file: { name: "passport.png", mimeType: "image/png", buffer: png },
      kind: "PASSPORT",
      owner: "SUBJECT",
    },
  });
  expect(upload.status()).toBe(201);
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM "IdentityDocument" WHERE "requestId" = $1`,
    [request.id],
  );
  expect(rows).toHaveLength(1);
  // The file went to the bucket, encrypted: the image's signature is not in the stored bytes.
  const { rows: stored } = await db.query<{ storageKey: string }>(
    `SELECT "storageKey" FROM "IdentityDocument" WHERE id = $1`,
    [rows[0]!.id],
  );
  const objectKey = `files/${stored[0]!.storageKey}.bin`;
  expect(await s3.objectKeys()).toContain(objectKey);
  expect((await s3.readObject(objectKey)).includes(png.subarray(0, 8))).toBe(false);
  const view = await b!.get(`/api/staff/documents/${rows[0]!.id}`, {
    headers: cookie(staff.token),
  });
  expect(view.status()).toBe(200);
  expect(view.headers()["content-type"]).toMatch(/^image\//);
  expect((await view.body()).subarray(1, 4).toString("latin1")).toBe("PNG");
  await Promise.all([a!.dispose(), b!.dispose()]);
});

test("a brand change made through one process of an app is shown by its other process at once", async ({
  browser,
}) => {
  const b = apps[1]!;
  // Each on a connection of its own, so the cluster hands them to its processes in turn.
  const portalNames = () =>
    Promise.all(
      Array.from({ length: 6 }, async () => {
        const html = await (
          await fetch(`${b.baseURL}/ja`, { headers: { connection: "close" } })
        ).text();
        return /class="brand"[^]*?<span>([^<]+)<\/span>/.exec(html)?.[1];
      }),
    );
  // B's primary runs its two app processes.
  const primary = processes[1]!.pid!;
  const children = readFileSync(`/proc/${primary}/task/${primary}/children`, "utf8");
  expect(children.trim().split(" ")).toHaveLength(2);
  const before = await portalNames();
  // Both processes have the name cached.
  expect(new Set(before).size).toBe(1);
  expect(before[0]).toBeTruthy();

  const manager = await person("MANAGER");
  const context = await browser.newContext({ baseURL: b.baseURL });
  await context.addCookies([
    { name: "authjs.session-token", value: manager.token, url: b.baseURL },
  ]);
  const page = await context.newPage();
  await page.goto("/ja/manager/settings/brand");
  await page.getByLabel("ポータルの名称（日本語）").fill("分散試験 センター");
  const form = page
    .locator("form")
    .filter({ has: page.getByRole("heading", { name: "組織と窓口" }) });
  await form.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByTestId("toast")).toContainText("保存しました。");
  await context.close();

  expect(await portalNames()).toEqual(Array(6).fill("分散試験 センター"));
});

test("two workers run each fulfilment task exactly once", async () => {
  const subject = await person("SUBJECT", true);
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM "DataSystem" WHERE key = 'counting'`,
  );
  const taskIds: string[] = [];
  for (let i = 0; i < 24; i++) {
    const request = await insertRequest(subject.subjectId!, subject.id, "IN_PROGRESS");
    const id = randomUUID();
    await db.query(
      `INSERT INTO "FulfilmentTask" (id, "requestId", "systemId", action) VALUES ($1, $2, $3, 'EXPORT')`,
      [id, request.id, rows[0]!.id],
    );
    taskIds.push(id);
  }
  // Each task queued twice (as a retry and the fan-out might): still one run each.
  await sendJobs(
    "fulfilment-task",
    [...taskIds, ...taskIds].map((taskId) => ({ taskId })),
    false,
  );
  await expect
    .poll(
      async () =>
        (
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM "FulfilmentTask" WHERE id = ANY($1) AND status = 'SUCCEEDED'`,
            [taskIds],
          )
        ).rows[0]!.n,
      { timeout: 90_000 },
    )
    .toBe(taskIds.length);
  for (const id of taskIds) expect(calls.get(id), id).toBe(1);
});

test("reminders are sent once however many workers scan", async () => {
  const subject = await person("SUBJECT", true);
  const assignee = await person("STAFF");
  const references: string[] = [];
  for (let i = 0; i < 8; i++) {
    const request = await insertRequest(subject.subjectId!, subject.id, "IN_PROGRESS");
    await db.query(
      `UPDATE "Request" SET "dueAt" = now() + interval '1 day', "assigneeId" = $2 WHERE id = $1`,
      [request.id, assignee.id],
    );
    references.push(request.reference);
  }
  // Six scans at once: both workers run them concurrently.
  await sendJobs(
    "reminder-scan",
    Array.from({ length: 6 }, () => ({})),
  );
  const mailsTo = () =>
    readFileSync(smtp.inbox, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { to: string[] })
      .filter((m) => m.to.includes(assignee.email)).length;
  await expect.poll(mailsTo, { timeout: 60_000 }).toBe(references.length);
  await expect
    .poll(
      async () =>
        (
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'reminder-scan' AND state IN ('created', 'active', 'retry')`,
          )
        ).rows[0]!.n,
      { timeout: 60_000 },
    )
    .toBe(0);
  // Every scan has finished and still one mail per request.
  await new Promise((r) => setTimeout(r, 3000));
  expect(mailsTo()).toBe(references.length);
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "RequestEvent" e JOIN "Request" r ON r.id = e."requestId"
     WHERE r.reference = ANY($1) AND e.kind = 'reminderDue3'`,
    [references],
  );
  expect(rows[0]!.n).toBe(references.length);
});
