import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPrismaClient, type Db } from "@/lib/db";
import { SIGNATURE_HEADERS, verifySignature } from "@/lib/fulfilment/engine/signature";

import { createTestDatabase, type TestDatabase } from "../lib/test-database";

// Fault: the worker is killed (SIGKILL) in the middle of fulfilment tasks against an HTTP system.
// After a new worker starts, every task completes, and no task's side effect happens twice: the
// job's missed heartbeats give the task to the new worker, and the system, which counts every
// call, applies each task once by its taskId (the wire contract: taskId is the idempotency key).

const TASKS = 30;
const root = path.resolve(import.meta.dirname, "../..");
const secret = randomBytes(32).toString("base64url");

let testDb: TestDatabase;
let db: Db;
let server: http.Server;
const calls = new Map<string, number>();
const applied = new Map<string, number>();
const workers: ChildProcess[] = [];

const killHard = (child: ChildProcess) => {
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // already gone
  }
};

function startWorker(): ChildProcess {
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/worker.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: testDb.url, WORKER_MODE: "inline" },
    stdio: "ignore",
    // Its own process group: tsx runs the worker in a child process, and both must die.
    detached: true,
  });
  workers.push(child);
  return child;
}

/** The organisation's system: slow enough that a kill lands mid-call; applies each task once. */
function startSystem(): Promise<string> {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const header = (name: string) => {
        const value = req.headers[name.toLowerCase()];
        return typeof value === "string" ? value : null;
      };
      const check = verifySignature({
        secret,
        body,
        timestamp: header(SIGNATURE_HEADERS.timestamp),
        nonce: header(SIGNATURE_HEADERS.nonce),
        signature: header(SIGNATURE_HEADERS.signature),
      });
      if (!check.ok) {
        res.writeHead(401).end();
        return;
      }
      const { taskId } = JSON.parse(body) as { taskId: string };
      calls.set(taskId, (calls.get(taskId) ?? 0) + 1);
      setTimeout(() => {
        if (!applied.has(taskId)) applied.set(taskId, 1);
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ items: [] }));
      }, 400);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/tasks`),
    ),
  );
}

const until = async (check: () => Promise<boolean>, timeoutMs: number) => {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
};

beforeAll(async () => {
  testDb = await createTestDatabase({ prefix: "workerkill" });
  db = createPrismaClient(testDb.url, { max: 4 });
  const endpoint = await startSystem();
  const system = await db.dataSystem.create({
    data: {
      key: "orders",
      nameJa: "注文",
      nameEn: "Orders",
      connector: "HTTP",
      config: { endpoint, timeoutMs: 10_000 },
      secret,
    },
  });
  const user = await db.user.create({ data: { email: `${randomUUID()}@test.example.jp` } });
  const subject = await db.subject.create({
    data: { userId: user.id, familyName: "試験", givenName: "花子", email: user.email },
  });
  const { PgBoss } = await import("pg-boss");
  const boss = new PgBoss({ connectionString: testDb.url, useListenNotify: false });
  await boss.start();
  await boss.createQueue("fulfilment-task", {
    retryLimit: 3,
    retryDelay: 2,
    retryBackoff: true,
    heartbeatSeconds: 10,
  });
  for (let i = 0; i < TASKS; i++) {
    const request = await db.request.create({
      data: {
        reference: `R-2099-${String(i).padStart(6, "0")}`,
        type: "DISCLOSURE",
        status: "IN_PROGRESS",
        subjectId: subject.id,
        filedById: user.id,
        dueAt: new Date(Date.now() + 10 * 86_400_000),
      },
    });
    const task = await db.fulfilmentTask.create({
      data: { requestId: request.id, systemId: system.id, action: "EXPORT" },
    });
    await boss.send("fulfilment-task", { taskId: task.id }, { singletonKey: task.id });
  }
  await boss.stop({ graceful: false });
}, 120_000);

afterAll(async () => {
  for (const w of workers) killHard(w);
  server.close();
  await db.$disconnect();
  await testDb.drop();
});

describe("the worker killed in the middle of fulfilment tasks", () => {
  it("completes every task after a restart, each side effect once", async () => {
    const first = startWorker();
    const someDone = await until(
      async () => (await db.fulfilmentTask.count({ where: { status: "SUCCEEDED" } })) >= 4,
      60_000,
    );
    expect(someDone).toBe(true);
    // Kill it while calls are in flight (each takes 400 ms, two at a time).
    await until(async () => [...calls.keys()].some((id) => !applied.has(id)), 5_000);
    killHard(first);
    const killedWhileRunning = await db.fulfilmentTask.count({ where: { status: "RUNNING" } });
    expect(killedWhileRunning).toBeGreaterThan(0);

    startWorker();
    const allDone = await until(
      async () => (await db.fulfilmentTask.count({ where: { status: "SUCCEEDED" } })) === TASKS,
      150_000,
    );
    expect(allDone).toBe(true);

    const tasks = await db.fulfilmentTask.findMany({ select: { id: true, status: true } });
    for (const task of tasks) expect(applied.get(task.id), task.id).toBe(1);
    // The tasks caught mid-run were taken over, not run twice by two live workers.
    const resumed = await db.auditEvent.count({ where: { action: "task.resume" } });
    expect(resumed).toBeGreaterThan(0);
    expect(resumed).toBeLessThanOrEqual(killedWhileRunning);
    const repeatedCalls = [...calls.values()].filter((n) => n > 1).length;
    expect(repeatedCalls).toBeLessThanOrEqual(resumed);
    console.log(
      `worker kill: ${killedWhileRunning} task(s) running at the kill, ${resumed} resumed, ` +
        `${repeatedCalls} call(s) repeated and absorbed by the taskId, ${TASKS} of ${TASKS} succeeded`,
    );
  }, 240_000);
});
