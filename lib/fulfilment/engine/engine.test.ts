import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { pngImage } from "@/lib/identity/test-fixtures";
import { createTestDatabase } from "@/scripts/lib/test-database";

import { signBody, verifySignature } from "./signature";

// Integration: the fulfilment engine against a real PostgreSQL database and a system on a local
// HTTP server — fan-out per request type, the runner per connector, failures and retries, the
// signed callback, and the staff actions on tasks.

// The internal actions are another module's; the runner must store whatever they return.
vi.mock("@/lib/fulfilment/engine/internal", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/fulfilment/engine/internal")>();
  return { ...actual, runInternalAction: vi.fn(actual.runInternalAction) };
});

const SECRET = "shop-secret-for-tests-0123456789";

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let server: Server;
let endpoint: string;
let mod: {
  fanOut: typeof import("./fan-out");
  run: typeof import("./run-task");
  callback: typeof import("./callback");
  internal: typeof import("./internal");
  boss: typeof import("@/lib/jobs/boss");
  verify: typeof import("@/lib/data/identity/decide-identity");
  retry: typeof import("@/lib/data/fulfilment/retry-task");
  cancel: typeof import("@/lib/data/fulfilment/cancel-task");
  claim: typeof import("@/lib/data/fulfilment/claim-task");
  complete: typeof import("@/lib/data/fulfilment/complete-manual-task");
  list: typeof import("@/lib/data/fulfilment/list-tasks");
};

// The test system: each test says how it answers; every request it receives is kept.
type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let answer: Handler;
const received: { headers: IncomingMessage["headers"]; body: string }[] = [];
const json =
  (status: number, value: unknown) => (_: IncomingMessage, __: string, res: ServerResponse) => {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(typeof value === "string" ? value : JSON.stringify(value));
  };

const ids: Record<string, string> = {};
let staff: Actor;

async function person(role: Actor["role"]): Promise<Actor> {
  const user = await db.user.create({ data: { email: `${randomUUID()}@test.example.jp`, role } });
  return { userId: user.id, role, email: user.email, ip: "127.0.0.1", passkeyAt: new Date() };
}

/** A subject with items in members (INTERNAL), shop (HTTP) and paper (MANUAL), and an id in points. */
async function subject() {
  const s = await db.subject.create({
    data: { familyName: "試験", givenName: "花子", email: `${randomUUID()}@subject.example.jp` },
  });
  const item = (system: string, category: string, field: string, value: string) =>
    db.personalDataItem.create({
      data: {
        subjectId: s.id,
        systemId: ids[system]!,
        categoryId: ids[`c:${category}`]!,
        field,
        value,
        collectedAt: new Date("2025-01-01T00:00:00Z"),
      },
      select: { id: true },
    });
  const items = {
    name: await item("members", "name", "fullName", "試験 花子"),
    email: await item("members", "email", "email", s.email!),
    bookings: await item("shop", "reservation_history", "bookings", "予約 3件"),
    resume: await item("paper", "job_application", "resume", "履歴書"),
  };
  await db.subjectExternalId.createMany({
    data: [
      { subjectId: s.id, systemId: ids.shop!, externalId: `SHOP-${s.id}` },
      { subjectId: s.id, systemId: ids.points!, externalId: `PT-${s.id}` },
    ],
  });
  return { id: s.id, email: s.email!, items };
}

async function request(
  subjectId: string,
  type: RequestType,
  details: object,
  status = "IN_PROGRESS",
) {
  return db.request.create({
    data: {
      reference: `R-2099-${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`,
      type,
      status: status as "IN_PROGRESS",
      subjectId,
      details,
      dueAt: new Date(Date.now() + 10 * 86_400_000),
    },
    select: { id: true, reference: true },
  });
}

async function fanOut(requestId: string) {
  await db.$transaction((tx) => mod.fanOut.fanOutTasks(tx, { requestId, actor: staff }));
}

async function tasksOf(requestId: string) {
  return db.fulfilmentTask.findMany({
    where: { requestId },
    include: { system: { select: { key: true } } },
    orderBy: { system: { key: "asc" } },
  });
}

const summary = async (requestId: string) =>
  (await tasksOf(requestId)).map((t) => `${t.system.key}:${t.action}`).sort();

async function jobsFor(taskId: string) {
  const rows = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'fulfilment-task' AND singleton_key = $1 AND data->>'taskId' = $1`,
    taskId,
  );
  return rows[0]?.n ?? 0;
}

/** One shop EXPORT task of a fresh disclosure, ready to run. */
async function shopTask(
  details: object = { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" },
) {
  const s = await subject();
  const r = await request(s.id, "DISCLOSURE", details);
  await fanOut(r.id);
  const task = (await tasksOf(r.id)).find((t) => t.system.key === "shop")!;
  return { subject: s, request: r, task };
}

const run = (taskId: string, retryCount = 0, retryLimit = 3) =>
  mod.run.runTask(db, { taskId, retryCount, retryLimit });
const task = (id: string) => db.fulfilmentTask.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      answer(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dsar`;

  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    fanOut: await import("./fan-out"),
    run: await import("./run-task"),
    callback: await import("./callback"),
    internal: await import("./internal"),
    boss: await import("@/lib/jobs/boss"),
    verify: await import("@/lib/data/identity/decide-identity"),
    retry: await import("@/lib/data/fulfilment/retry-task"),
    cancel: await import("@/lib/data/fulfilment/cancel-task"),
    claim: await import("@/lib/data/fulfilment/claim-task"),
    complete: await import("@/lib/data/fulfilment/complete-manual-task"),
    list: await import("@/lib/data/fulfilment/list-tasks"),
  };

  const system = async (key: string, connector: "INTERNAL" | "HTTP" | "MANUAL", extra = {}) => {
    ids[key] = (
      await db.dataSystem.create({
        data: { key, nameJa: key, nameEn: key, connector, ...extra },
        select: { id: true },
      })
    ).id;
  };
  await system("members", "INTERNAL");
  await system("points", "INTERNAL");
  await system("shop", "HTTP", { config: { endpoint, timeoutMs: 400 }, secret: SECRET });
  await system("paper", "MANUAL");
  for (const key of ["name", "email", "reservation_history", "job_application", "points_balance"]) {
    ids[`c:${key}`] = (
      await db.dataCategory.create({
        data: { key, nameJa: key, nameEn: key },
        select: { id: true },
      })
    ).id;
  }
  for (const key of ["service", "ads"]) {
    ids[`p:${key}`] = (
      await db.purpose.create({ data: { key, nameJa: key, nameEn: key }, select: { id: true } })
    ).id;
  }
  const use = (system: string, category: string, purpose: string) => ({
    systemId: ids[system]!,
    categoryId: ids[`c:${category}`]!,
    purposeId: ids[`p:${purpose}`]!,
  });
  await db.systemCategoryPurpose.createMany({
    data: [
      use("members", "name", "service"),
      use("members", "email", "service"),
      use("members", "email", "ads"),
      use("points", "points_balance", "service"),
      use("shop", "reservation_history", "service"),
      use("shop", "email", "ads"),
      use("paper", "job_application", "service"),
    ],
  });
  ids["r:hotel"] = (
    await db.recipient.create({
      data: { key: "hotel", nameJa: "hotel", nameEn: "hotel", recipientClass: "THIRD_PARTY" },
      select: { id: true },
    })
  ).id;
  ids["r:ads"] = (
    await db.recipient.create({
      data: { key: "adco", nameJa: "adco", nameEn: "adco", recipientClass: "FOREIGN_THIRD_PARTY" },
      select: { id: true },
    })
  ).id;
  staff = await person("STAFF");
});

afterAll(async () => {
  await (await mod.boss.getBoss()).stop({ graceful: false });
  await db.$disconnect();
  await testDb.drop();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received.length = 0;
  answer = json(500, { error: "not set up" });
});

describe("fan-out", () => {
  it("gives a verified disclosure one EXPORT task per system holding the person, once", async () => {
    const s = await subject();
    const reviewer = await person("STAFF");
    const r = await request(
      s.id,
      "DISCLOSURE",
      { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" },
      "IDENTITY_REVIEW",
    );
    // Through the real verification, whose transaction calls the fan-out.
    await mod.verify.verifyIdentity({
      actor: reviewer,
      input: { reference: r.reference, note: "" },
    });
    expect(await summary(r.id)).toEqual([
      "members:EXPORT",
      "paper:EXPORT",
      "points:EXPORT",
      "shop:EXPORT",
    ]);
    const tasks = await tasksOf(r.id);
    for (const t of tasks) {
      expect(t.status).toBe("PENDING");
      // MANUAL tasks wait for staff with a checklist and no job; the others have one job each.
      expect(await jobsFor(t.id)).toBe(t.system.key === "paper" ? 0 : 1);
      expect(t.checklist).toEqual(
        t.system.key === "paper"
          ? [
              { key: "found", done: false },
              { key: "exported", done: false },
              { key: "thirdParty", done: false },
            ]
          : [],
      );
    }
    const events = await db.requestEvent.findMany({
      where: { requestId: r.id, kind: "taskCreated" },
    });
    expect(events).toHaveLength(4);
    expect(events.every((e) => !e.visibleToRequester)).toBe(true);
    const audits = await db.auditEvent.findMany({
      where: { requestId: r.id, action: "task.create" },
    });
    expect(audits.map((a) => a.actorId)).toEqual(Array(4).fill(reviewer.userId));

    // Idempotent: running it again creates no task, event or job.
    await fanOut(r.id);
    expect(await db.fulfilmentTask.count({ where: { requestId: r.id } })).toBe(4);
    expect(await db.requestEvent.count({ where: { requestId: r.id, kind: "taskCreated" } })).toBe(
      4,
    );
    for (const t of tasks) expect(await jobsFor(t.id)).toBe(t.system.key === "paper" ? 0 : 1);
  });

  it("limits a disclosure of chosen categories to the systems keeping them", async () => {
    const s = await subject();
    const r = await request(s.id, "DISCLOSURE", {
      scope: "SELECTED",
      categoryKeys: ["reservation_history"],
      method: "JSON",
      postalAddress: "",
    });
    await fanOut(r.id);
    // points knows the person by id but keeps no reservation history; shop does.
    expect(await summary(r.id)).toEqual(["shop:EXPORT"]);
  });

  it("sends corrections to the systems of the chosen items, and added values where the category lives", async () => {
    const s = await subject();
    const r = await request(s.id, "CORRECTION", {
      items: [
        {
          action: "CORRECT",
          categoryKey: "name",
          itemId: s.items.name.id,
          field: "",
          correctedValue: "試験 華子",
        },
        {
          action: "ADD",
          categoryKey: "reservation_history",
          itemId: "",
          field: "note",
          correctedValue: "追加",
        },
      ],
      reason: "typo",
    });
    await fanOut(r.id);
    expect(await summary(r.id)).toEqual(["members:CORRECT", "shop:CORRECT"]);
  });

  it("erases where the person's data is, and restricts where the suspended purposes are used", async () => {
    const s = await subject();
    const erase = await request(s.id, "SUSPENSION_ERASURE", {
      action: "ERASE",
      purposeKeys: [],
      erasureScope: "SELECTED",
      categoryKeys: ["job_application"],
      ground: "NO_LONGER_NEEDED",
      groundText: "",
      previewConfirmed: true,
    });
    await fanOut(erase.id);
    expect(await summary(erase.id)).toEqual(["paper:ERASE"]);

    const suspend = await request(s.id, "SUSPENSION_ERASURE", {
      action: "SUSPEND",
      purposeKeys: ["ads"],
      erasureScope: "ALL",
      categoryKeys: [],
      ground: "NO_LONGER_NEEDED",
      groundText: "",
      previewConfirmed: false,
    });
    await fanOut(suspend.id);
    expect(await summary(suspend.id)).toEqual(["members:RESTRICT", "shop:RESTRICT"]);
  });

  it("stops provision in the systems that provided to the recipients, with the portal's own record", async () => {
    const s = await subject();
    await db.provisionRecord.create({
      data: {
        subjectId: s.id,
        recipientId: ids["r:hotel"]!,
        purposeId: ids["p:service"]!,
        sourceSystemId: ids.shop!,
        providedAt: new Date(),
        items: ["reservation_history"],
        legalBasis: "USER_APPLICATION",
        keepUntil: new Date(Date.now() + 86_400_000 * 1000),
      },
    });
    const matching = await request(s.id, "STOP_PROVISION", {
      recipientKeys: ["hotel"],
      recipientClasses: [],
    });
    await fanOut(matching.id);
    // shop provided to the hotel; an INTERNAL task records the restriction in the portal.
    expect(await summary(matching.id)).toEqual(["members:STOP_PROVISION", "shop:STOP_PROVISION"]);

    const none = await request(s.id, "STOP_PROVISION", {
      recipientKeys: [],
      recipientClasses: ["FOREIGN_THIRD_PARTY"],
    });
    await fanOut(none.id);
    expect(await summary(none.id)).toEqual(["members:STOP_PROVISION"]);
  });

  it("creates no task for provision records and purpose notifications", async () => {
    const s = await subject();
    for (const type of ["PROVISION_RECORDS", "PURPOSE_NOTIFICATION"] as const) {
      const r = await request(s.id, type, {});
      await fanOut(r.id);
      expect(await db.fulfilmentTask.count({ where: { requestId: r.id } })).toBe(0);
    }
  });
});

describe("running tasks", () => {
  it("dispatches INTERNAL tasks to the internal actions and stores what they return", async () => {
    const s = await subject();
    const r = await request(s.id, "DISCLOSURE", {
      scope: "ALL",
      categoryKeys: [],
      method: "JSON",
      postalAddress: "",
    });
    await fanOut(r.id);
    const members = (await tasksOf(r.id)).find((t) => t.system.key === "members")!;
    const spy = vi.mocked(mod.internal.runInternalAction);
    spy.mockClear();
    expect(await run(members.id)).toBe("succeeded");
    expect(spy).toHaveBeenCalledTimes(1);
    const ctx = spy.mock.calls[0]![1];
    expect(ctx.task).toEqual({ id: members.id, action: "EXPORT", attempts: 1 });
    expect(ctx.system.key).toBe("members");
    expect(ctx.request).toMatchObject({
      id: r.id,
      reference: r.reference,
      type: "DISCLOSURE",
      subjectId: s.id,
    });
    const returned = await spy.mock.results[0]!.value;
    const done = await task(members.id);
    expect(done.status).toBe("SUCCEEDED");
    expect(done.result).toEqual(JSON.parse(JSON.stringify(returned)));
    expect(done.attempts).toBe(1);
    expect(done.finishedAt).not.toBeNull();
    // A second job for the same task finds nothing to do.
    expect(await run(members.id)).toBe("skipped");
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it("retries an INTERNAL action that throws, and fails it with a code once retries are used up", async () => {
    const s = await subject();
    const r = await request(s.id, "DISCLOSURE", {
      scope: "ALL",
      categoryKeys: [],
      method: "JSON",
      postalAddress: "",
    });
    await fanOut(r.id);
    const points = (await tasksOf(r.id)).find((t) => t.system.key === "points")!;
    const spy = vi.mocked(mod.internal.runInternalAction);
    spy.mockRejectedValueOnce(new Error("database hiccup with 試験 花子"));
    await expect(run(points.id, 0)).rejects.toMatchObject({ code: "internal_error" });
    expect(await task(points.id)).toMatchObject({
      status: "PENDING",
      lastError: "internal_error",
      attempts: 1,
    });
    spy.mockRejectedValueOnce(new Error("again"));
    expect(await run(points.id, 3)).toBe("failed");
    const failed = await task(points.id);
    expect(failed).toMatchObject({ status: "FAILED", lastError: "internal_error", attempts: 2 });
    // The reason is a code: nothing of the error's text (which named the person) is stored.
    const audits = await db.auditEvent.findMany({
      where: { requestId: r.id },
      select: { action: true, data: true },
    });
    expect(audits.map((a) => a.action)).toContain("task.fail");
    expect(JSON.stringify(audits)).not.toContain("試験");
  });

  it("sends HTTP systems a signed task with only what they need, and stores their validated answer", async () => {
    const { subject: s, request: r, task: t } = await shopTask();
    answer = json(200, {
      items: [
        {
          field: "bookings",
          categoryKey: "reservation_history",
          value: "予約 3件",
          source: "DIRECT",
        },
        { field: "bookings", categoryKey: "reservation_history", value: "予約 1件" },
      ],
      extra: "ignored",
    });
    expect(await run(t.id)).toBe("succeeded");
    expect(received).toHaveLength(1);
    const sent = received[0]!;
    const check = verifySignature({
      secret: SECRET,
      body: sent.body,
      timestamp: sent.headers["x-dsar-timestamp"] as string,
      nonce: sent.headers["x-dsar-nonce"] as string,
      signature: sent.headers["x-dsar-signature"] as string,
    });
    expect(check.ok).toBe(true);
    expect(JSON.parse(sent.body)).toEqual({
      taskId: t.id,
      requestReference: r.reference,
      action: "EXPORT",
      requestType: "DISCLOSURE",
      subject: { externalIds: [`SHOP-${s.id}`], email: s.email },
      details: { scope: "ALL", categoryKeys: [] },
      callbackUrl: expect.stringMatching(/\/api\/connectors\/shop\/callback$/),
    });
    const done = await task(t.id);
    expect(done.status).toBe("SUCCEEDED");
    expect(done.result).toEqual({
      items: [
        {
          ref: "shop:bookings",
          field: "bookings",
          categoryKey: "reservation_history",
          value: "予約 3件",
          source: "DIRECT",
        },
        {
          ref: "shop:bookings#2",
          field: "bookings",
          categoryKey: "reservation_history",
          value: "予約 1件",
        },
      ],
      itemCount: 2,
    });
  });

  it("tells a correcting system only its own corrections", async () => {
    const s = await subject();
    const r = await request(s.id, "CORRECTION", {
      items: [
        {
          action: "CORRECT",
          categoryKey: "name",
          itemId: s.items.name.id,
          field: "",
          correctedValue: "試験 華子",
        },
        {
          action: "CORRECT",
          categoryKey: "reservation_history",
          itemId: s.items.bookings.id,
          field: "",
          correctedValue: "予約 4件",
        },
      ],
      reason: "typo",
    });
    await fanOut(r.id);
    const shop = (await tasksOf(r.id)).find((t) => t.system.key === "shop")!;
    answer = json(200, {
      changes: [{ field: "bookings", action: "CORRECT", before: "予約 3件", after: "予約 4件" }],
    });
    expect(await run(shop.id)).toBe("succeeded");
    expect(JSON.parse(received[0]!.body).details).toEqual({
      corrections: [
        {
          action: "CORRECT",
          categoryKey: "reservation_history",
          field: "bookings",
          correctedValue: "予約 4件",
        },
      ],
    });
    expect((await task(shop.id)).result).toEqual({
      changes: [
        {
          ref: "shop:bookings",
          field: "bookings",
          action: "CORRECT",
          before: "予約 3件",
          after: "予約 4件",
        },
      ],
    });
  });

  it("notifies the recipients that got corrected data from an HTTP system, once it has answered", async () => {
    const s = await subject();
    const provided = (recipient: string, categories: string[]) =>
      db.provisionRecord.create({
        data: {
          subjectId: s.id,
          recipientId: ids[recipient]!,
          purposeId: ids["p:service"]!,
          sourceSystemId: ids.shop!,
          providedAt: new Date(),
          items: categories,
          legalBasis: "CONSENT",
          keepUntil: new Date(Date.now() + 86_400_000),
        },
      });
    await provided("r:hotel", ["reservation_history"]);
    await provided("r:ads", ["email"]);
    const r = await request(s.id, "CORRECTION", {
      items: [
        {
          action: "CORRECT",
          categoryKey: "reservation_history",
          itemId: s.items.bookings.id,
          field: "",
          correctedValue: "予約 4件",
        },
      ],
      reason: "typo",
    });
    await fanOut(r.id);
    const shop = (await tasksOf(r.id)).find((t) => t.system.key === "shop")!;
    answer = json(200, {
      changes: [{ field: "bookings", action: "CORRECT", before: "予約 3件", after: "予約 4件" }],
    });
    expect(await run(shop.id)).toBe("succeeded");
    const notices = await db.recipientNotice.findMany({
      where: { requestId: r.id },
      select: { recipientId: true, kind: true, items: true, sentAt: true },
    });
    // The hotel received the corrected reservations; the ad company only the (unchanged) email.
    // The hotel has no notice address: the notice waits for staff to tell it by hand.
    expect(notices).toEqual([
      {
        recipientId: ids["r:hotel"],
        kind: "CORRECTION",
        items: ["reservation_history"],
        sentAt: null,
      },
    ]);
  });

  it("retries a 500 with backoff and fails it once retries are used up, never succeeding", async () => {
    const { task: t } = await shopTask();
    answer = json(500, { error: "boom" });
    await expect(run(t.id, 0)).rejects.toMatchObject({ code: "http_status", retryable: true });
    expect(await task(t.id)).toMatchObject({
      status: "PENDING",
      lastError: "http_status:500",
      attempts: 1,
    });
    expect(await run(t.id, 3)).toBe("failed");
    expect(await task(t.id)).toMatchObject({
      status: "FAILED",
      lastError: "http_status:500",
      attempts: 2,
      result: null,
    });
  });

  it("fails garbage at once: invalid JSON, a result of the wrong shape, a 4xx", async () => {
    const cases: [Handler, string][] = [
      [json(200, "<html>not json</html>"), "invalid_json"],
      [json(200, { items: "all of them" }), "invalid_result"],
      [json(200, { items: [{ field: "x", categoryKey: "y" }] }), "invalid_result"],
      [json(204, ""), "unexpected_status:204"],
      [json(404, { error: "no such route" }), "http_status:404"],
    ];
    for (const [handler, reason] of cases) {
      const { task: t } = await shopTask();
      answer = handler;
      // Retries remain, but another attempt would get the same answer.
      expect(await run(t.id, 0)).toBe("failed");
      expect(await task(t.id)).toMatchObject({ status: "FAILED", lastError: reason, result: null });
    }
  });

  it("fails a system that does not answer in time", async () => {
    const { task: t } = await shopTask();
    answer = (_, __, res) => {
      setTimeout(() => json(200, { items: [] })(_, __, res), 1500);
    };
    const started = Date.now();
    expect(await run(t.id, 3)).toBe("failed");
    expect(Date.now() - started).toBeLessThan(1400);
    expect(await task(t.id)).toMatchObject({ status: "FAILED", lastError: "timeout" });
  });

  it("fails an unreachable system and one without a secret or endpoint", async () => {
    const broken = await db.dataSystem.create({
      data: {
        key: `broken-${randomUUID()}`,
        nameJa: "b",
        nameEn: "b",
        connector: "HTTP",
        config: { endpoint: "not a url" },
        secret: "x",
      },
    });
    const closed = await db.dataSystem.create({
      data: {
        key: `closed-${randomUUID()}`,
        nameJa: "c",
        nameEn: "c",
        connector: "HTTP",
        config: { endpoint: "http://127.0.0.1:9/dsar", timeoutMs: 2000 },
        secret: "x",
      },
    });
    const s = await subject();
    const r = await request(s.id, "DISCLOSURE", {});
    const make = (systemId: string) =>
      db.fulfilmentTask.create({
        data: { requestId: r.id, systemId, action: "EXPORT" },
        select: { id: true },
      });
    const a = await make(broken.id);
    const b = await make(closed.id);
    expect(await run(a.id, 0)).toBe("failed");
    expect((await task(a.id)).lastError).toBe("bad_config");
    expect(await run(b.id, 3)).toBe("failed");
    expect((await task(b.id)).lastError).toBe("network");
  });

  it("never sends a task to an address inside the network, and does not retry it", async () => {
    const s = await subject();
    const r = await request(s.id, "DISCLOSURE", {});
    // OUTBOUND_ALLOW is 127.0.0.1 in the tests: [::1], the metadata service and private ranges
    // stay refused, before any byte leaves.
    for (const endpoint of [
      "https://169.254.169.254/latest/meta-data/",
      "https://10.0.0.1/dsar",
      "http://[::1]:9/dsar",
      "https://[fd00:ec2::254]/",
    ]) {
      const inside = await db.dataSystem.create({
        data: {
          key: `inside-${randomUUID()}`,
          nameJa: "i",
          nameEn: "i",
          connector: "HTTP",
          config: { endpoint, timeoutMs: 2000 },
          secret: "x",
        },
      });
      const t = await db.fulfilmentTask.create({
        data: { requestId: r.id, systemId: inside.id, action: "EXPORT" },
        select: { id: true },
      });
      expect(await run(t.id, 0), endpoint).toBe("failed");
      expect(await task(t.id)).toMatchObject({ status: "FAILED", lastError: "refused_address" });
    }
  });

  it("cancels instead of running a task whose request has closed", async () => {
    const { request: r, task: t } = await shopTask();
    await db.request.update({ where: { id: r.id }, data: { status: "WITHDRAWN" } });
    answer = json(200, { items: [] });
    expect(await run(t.id)).toBe("skipped");
    expect(received).toHaveLength(0);
    expect(await task(t.id)).toMatchObject({ status: "CANCELLED", lastError: "request_closed" });
  });
});

describe("retry from the page", () => {
  it("puts a failed task back with a new job, and it succeeds once the system answers", async () => {
    const { request: r, task: t } = await shopTask();
    answer = json(503, {});
    expect(await run(t.id, 3)).toBe("failed");
    const subjectActor = await person("SUBJECT");
    await expect(
      mod.retry.retryTask({ actor: subjectActor, input: { reference: r.reference, taskId: t.id } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    await mod.retry.retryTask({ actor: staff, input: { reference: r.reference, taskId: t.id } });
    expect(await task(t.id)).toMatchObject({ status: "PENDING", lastError: "http_status:503" });
    expect(await jobsFor(t.id)).toBe(2);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: t.id, action: "task.retry" },
    });
    expect(audit.actorId).toBe(staff.userId);

    answer = json(200, {
      items: [{ field: "bookings", categoryKey: "reservation_history", value: "予約 3件" }],
    });
    expect(
      await mod.run.runTask(db, {
        taskId: t.id,
        retryCount: 0,
        retryLimit: 3,
        actor: { userId: staff.userId, role: staff.role, ip: null },
      }),
    ).toBe("succeeded");
    expect(await task(t.id)).toMatchObject({ status: "SUCCEEDED", lastError: null, attempts: 2 });

    // Only failed (or stuck) tasks are retried, and only within their own request.
    await expect(
      mod.retry.retryTask({ actor: staff, input: { reference: r.reference, taskId: t.id } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const other = await shopTask();
    await expect(
      mod.retry.retryTask({
        actor: staff,
        input: { reference: other.request.reference, taskId: t.id },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("cancels a task with a note, after which it neither runs nor retries", async () => {
    const { request: r, task: t } = await shopTask();
    await mod.cancel.cancelTask({
      actor: staff,
      input: { reference: r.reference, taskId: t.id, note: "system retired" },
    });
    expect(await task(t.id)).toMatchObject({ status: "CANCELLED", note: "system retired" });
    expect(await run(t.id)).toBe("skipped");
    await expect(
      mod.retry.retryTask({ actor: staff, input: { reference: r.reference, taskId: t.id } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.requestEvent.count({ where: { requestId: r.id, kind: "taskCancelled" } })).toBe(
      1,
    );
  });
});

describe("callbacks", () => {
  async function accepted() {
    const made = await shopTask();
    answer = json(202, { accepted: true });
    expect(await run(made.task.id)).toBe("accepted");
    expect((await task(made.task.id)).status).toBe("RUNNING");
    return made;
  }

  const call = (body: string, headers: Record<string, string>, systemKey = "shop") =>
    mod.callback.handleConnectorCallback(db, {
      systemKey,
      headers: new Headers(headers),
      rawBody: body,
    });
  const signed = (body: string, options: { secret?: string; now?: Date; nonce?: string } = {}) =>
    signBody({ secret: options.secret ?? SECRET, body, now: options.now, nonce: options.nonce });

  it("completes a task from a validly signed callback, once", async () => {
    const { task: t } = await accepted();
    const body = JSON.stringify({
      taskId: t.id,
      status: "SUCCEEDED",
      result: {
        items: [{ field: "bookings", categoryKey: "reservation_history", value: "予約 3件" }],
      },
    });
    const headers = signed(body);
    expect(await call(body, headers)).toEqual({ status: 200, body: { ok: true } });
    const done = await task(t.id);
    expect(done.status).toBe("SUCCEEDED");
    expect(done.result).toMatchObject({ itemCount: 1, items: [{ ref: "shop:bookings" }] });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: t.id, action: "task.succeed" },
    });
    expect(audit.data).toMatchObject({ via: "callback" });
    // The same callback again is a replay.
    expect(await call(body, headers)).toEqual({
      status: 401,
      body: { ok: false, error: "replayed" },
    });
  });

  it("refuses forged, stale, replayed and garbled callbacks without changing the task", async () => {
    const { task: t } = await accepted();
    const body = JSON.stringify({ taskId: t.id, status: "SUCCEEDED", result: { items: [] } });
    const refusals: [string, Record<string, string>, number, string][] = [
      [body, signed(body, { secret: "wrong-secret" }), 401, "mismatch"],
      [
        body.replace("[]", '[{"field":"f","categoryKey":"k","value":"v"}]'),
        signed(body),
        401,
        "mismatch",
      ],
      [body, signed(body, { now: new Date(Date.now() - 6 * 60_000) }), 401, "stale"],
      [body, signed(body, { now: new Date(Date.now() + 6 * 60_000) }), 401, "future"],
      [body, {}, 401, "malformed"],
      ["{not json", signed("{not json"), 400, "invalid_json"],
      ['{"hello":1}', signed('{"hello":1}'), 400, "invalid_body"],
    ];
    for (const [raw, headers, status, error] of refusals) {
      expect(await call(raw, headers)).toEqual({ status, body: { ok: false, error } });
    }
    const wrongShape = JSON.stringify({ taskId: t.id, status: "SUCCEEDED", result: { erased: 2 } });
    expect(await call(wrongShape, signed(wrongShape))).toEqual({
      status: 400,
      body: { ok: false, error: "invalid_result" },
    });
    const unknown = JSON.stringify({ taskId: "nope", status: "SUCCEEDED", result: { items: [] } });
    expect(await call(unknown, signed(unknown))).toEqual({
      status: 404,
      body: { ok: false, error: "unknown_task" },
    });
    expect(await call(body, signed(body), "no-such-system")).toEqual({
      status: 404,
      body: { ok: false, error: "unknown_system" },
    });
    expect(await task(t.id)).toMatchObject({ status: "RUNNING", result: null });

    // A nonce seen once is refused for ever after, even with a fresh signature.
    const first = signed(body);
    expect((await call(body, first)).status).toBe(200);
    const again = signed(body, { nonce: first["X-DSAR-Nonce"] });
    expect(await call(body, again)).toEqual({
      status: 401,
      body: { ok: false, error: "replayed" },
    });
  });

  it("fails a task whose system reports failure, keeping only its reason code", async () => {
    const { task: t } = await accepted();
    const body = JSON.stringify({ taskId: t.id, status: "FAILED", error: "CUSTOMER_LOCKED" });
    expect((await call(body, signed(body))).status).toBe(200);
    expect(await task(t.id)).toMatchObject({
      status: "FAILED",
      lastError: "system_failed:CUSTOMER_LOCKED",
    });
    // A callback for a task no longer waiting is refused, and its nonce stays usable for nothing.
    const late = JSON.stringify({ taskId: t.id, status: "SUCCEEDED", result: { items: [] } });
    expect(await call(late, signed(late))).toEqual({
      status: 409,
      body: { ok: false, error: "not_running" },
    });
    const chatty = JSON.stringify({
      taskId: t.id,
      status: "FAILED",
      error: "Hanako Sato is locked",
    });
    expect(await call(chatty, signed(chatty))).toEqual({
      status: 400,
      body: { ok: false, error: "invalid_body" },
    });
  });
});

describe("manual tasks", () => {
  async function paperTask() {
    const s = await subject();
    const r = await request(s.id, "DISCLOSURE", {
      scope: "ALL",
      categoryKeys: [],
      method: "JSON",
      postalAddress: "",
    });
    await fanOut(r.id);
    return { request: r, task: (await tasksOf(r.id)).find((t) => t.system.key === "paper")! };
  }

  it("never runs as a job, and completes with the whole checklist, a note and attachments", async () => {
    const { request: r, task: t } = await paperTask();
    expect(await run(t.id)).toBe("skipped");
    const ref = { reference: r.reference, taskId: t.id };
    await mod.claim.claimTask({ actor: staff, input: ref });
    expect(await task(t.id)).toMatchObject({ status: "RUNNING", assigneeId: staff.userId });

    const other = await person("STAFF");
    await expect(
      mod.complete.completeManualTask({
        actor: other,
        input: { ...ref, note: "done", checked: ["found", "exported", "thirdParty"] },
        files: [],
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      mod.complete.completeManualTask({
        actor: staff,
        input: { ...ref, note: "done", checked: ["found"] },
        files: [],
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { checked: "fulfilment.tasks.manual.checklistIncomplete" },
    });
    await expect(
      mod.complete.completeManualTask({
        actor: staff,
        input: { ...ref, note: "done", checked: ["found", "exported", "thirdParty"] },
        files: [{ bytes: Buffer.from("not an image"), fileName: "x.png" }],
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect((await task(t.id)).status).toBe("RUNNING");

    await mod.complete.completeManualTask({
      actor: staff,
      input: {
        ...ref,
        note: "Exported from the paper archive",
        checked: ["found", "exported", "thirdParty"],
      },
      files: [{ bytes: await pngImage(), fileName: "../../scan.png" }],
    });
    const done = await task(t.id);
    expect(done).toMatchObject({
      status: "SUCCEEDED",
      result: { note: "Exported from the paper archive" },
    });
    expect(done.checklist).toEqual([
      { key: "found", done: true },
      { key: "exported", done: true },
      { key: "thirdParty", done: true },
    ]);
    const [row] = await mod.list
      .listTasks({ actor: staff, reference: r.reference })
      .then((rows) => rows.filter((x) => x.id === t.id));
    expect(row?.attachments).toEqual([
      { id: expect.any(String), fileName: ".._.._scan.png", sizeBytes: expect.any(Number) },
    ]);
    expect(row?.assignee?.id).toBe(staff.userId);
  });
});

describe("the demo's simulated system", () => {
  async function demoSystem() {
    const key = `demo-${randomUUID()}`;
    const system = await db.dataSystem.create({
      data: {
        key,
        nameJa: key,
        nameEn: key,
        connector: "HTTP",
        config: { endpoint: "http://127.0.0.1:9/never", simulateInDemo: true },
        secret: SECRET,
      },
    });
    const s = await subject();
    await db.subjectExternalId.create({
      data: { subjectId: s.id, systemId: system.id, externalId: `D-${s.id}` },
    });
    const item = await db.personalDataItem.create({
      data: {
        subjectId: s.id,
        systemId: system.id,
        categoryId: ids["c:reservation_history"]!,
        field: "bookings",
        value: "予約 2件",
        collectedAt: new Date("2025-02-01T00:00:00Z"),
      },
    });
    const held = await db.personalDataItem.create({
      data: {
        subjectId: s.id,
        systemId: system.id,
        categoryId: ids["c:reservation_history"]!,
        field: "invoice",
        value: "請求書",
        legalHold: true,
        legalHoldReason: "税法上の保存義務",
        collectedAt: new Date("2025-02-01T00:00:00Z"),
      },
    });
    return { key, system, subject: s, item, held };
  }

  const task = (key: string, subjectId: string, action: string, details: object) => ({
    taskId: `t-${randomUUID()}`,
    requestReference: "R-2099-000001",
    action,
    requestType: "DISCLOSURE",
    subject: { externalIds: [`D-${subjectId}`], email: null },
    details,
    callbackUrl: `http://localhost:3000/api/connectors/${key}/callback`,
  });

  it("is where a simulated system's tasks go in demo mode: this machine, whatever the public URL", async () => {
    const { resolveEndpoint, readHttpConfig } = await import("./connectors/http");
    const config = readHttpConfig({ endpoint: "http://127.0.0.1:9/never", simulateInDemo: true });
    expect(resolveEndpoint("reservations", config)).toEqual({
      url: expect.stringMatching(
        /^http:\/\/127\.0\.0\.1:\d+\/api\/demo\/connector\?system=reservations$/,
      ) as string,
      local: true,
    });
    expect(resolveEndpoint("other", readHttpConfig({ endpoint: "http://10.0.0.1/x" }))).toEqual({
      url: "http://10.0.0.1/x",
      local: false,
    });
  });

  it("checks the signature and answers from the person's items, erasing what the law does not keep", async () => {
    const { answerAsDemoSystem } = await import("./demo-system");
    const d = await demoSystem();
    const call = (body: object, secret = SECRET) => {
      const raw = JSON.stringify(body);
      return answerAsDemoSystem(db, {
        systemKey: d.key,
        headers: new Headers(signBody({ secret, body: raw })),
        rawBody: raw,
      });
    };
    const exportTask = task(d.key, d.subject.id, "EXPORT", { scope: "ALL", categoryKeys: [] });
    expect((await call(exportTask, "wrong")).status).toBe(401);
    const exported = await call(exportTask);
    expect(exported.status).toBe(200);
    const { parseSystemResult } = await import("./wire");
    expect(parseSystemResult("EXPORT", d.key, exported.body)).toMatchObject({
      itemCount: 2,
      items: [
        { ref: `${d.key}:bookings`, value: "予約 2件", categoryKey: "reservation_history" },
        { ref: `${d.key}:invoice`, value: "請求書" },
      ],
    });

    const corrected = await call(
      task(d.key, d.subject.id, "CORRECT", {
        corrections: [
          {
            action: "CORRECT",
            categoryKey: "reservation_history",
            field: "bookings",
            correctedValue: "予約 3件",
          },
        ],
      }),
    );
    expect(corrected.body).toEqual({
      changes: [{ field: "bookings", action: "CORRECT", before: "予約 2件", after: "予約 3件" }],
    });
    expect((await db.personalDataItem.findUniqueOrThrow({ where: { id: d.item.id } })).value).toBe(
      "予約 3件",
    );

    const erased = await call(
      task(d.key, d.subject.id, "ERASE", { scope: "ALL", categoryKeys: [] }),
    );
    expect(erased.body).toEqual({
      erased: 1,
      kept: [{ field: "invoice", reason: "税法上の保存義務" }],
    });
    expect(
      (await db.personalDataItem.findUniqueOrThrow({ where: { id: d.item.id } })).erasedAt,
    ).not.toBeNull();
    expect(
      (await db.personalDataItem.findUniqueOrThrow({ where: { id: d.held.id } })).erasedAt,
    ).toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: d.item.id } })).toBe(2);

    expect(
      (await answerAsDemoSystem(db, { systemKey: "shop", headers: new Headers(), rawBody: "{}" }))
        .status,
    ).toBe(404);
  });
});
