import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "@/lib/db";
import type { RequestStatus, Role } from "@/lib/generated/prisma/enums";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: the reminder scan and its pg-boss job against a real PostgreSQL database. Mails are
// observed as jobs in the mail queue (no mail worker runs here), reminders as timeline events.

const DAY = 86_400_000;

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let mod: {
  scan: typeof import("./scan");
  jobs: typeof import("./jobs");
  boss: typeof import("@/lib/jobs/boss");
};
let subjectId: string;

async function person(role: Role, locale: "ja" | "en" = "ja") {
  return db.user.create({
    data: { email: `${randomUUID()}@test.example.jp`, role, locale },
    select: { id: true, email: true },
  });
}

async function request(options: {
  due: Date;
  assigneeId?: string;
  status?: RequestStatus;
  extendedDueAt?: Date;
}) {
  return db.request.create({
    data: {
      reference: `R-${randomUUID().slice(0, 12)}`,
      type: "DISCLOSURE",
      subjectId,
      status: options.status ?? "IN_PROGRESS",
      dueAt: options.due,
      extendedDueAt: options.extendedDueAt ?? null,
      assigneeId: options.assigneeId ?? null,
      closedAt: options.status === "COMPLETED" ? new Date() : null,
      outcome: options.status === "COMPLETED" ? "FULFILLED" : null,
    },
    select: { id: true, reference: true },
  });
}

/** Mail jobs queued for a request's reference, with their recipient and kind. */
async function mails(reference: string) {
  return db.$queryRawUnsafe<{ to: string; kind: string; locale: string; dueDate: string }[]>(
    `SELECT data->>'to' AS "to", data->>'kind' AS kind, data->>'locale' AS locale,
            data->'params'->>'dueDate' AS "dueDate"
       FROM pgboss.job WHERE name = 'mail-send' AND data->'params'->>'reference' = $1
      ORDER BY data->>'to'`,
    reference,
  );
}

async function events(requestId: string) {
  return db.requestEvent.findMany({
    where: { requestId, kind: { startsWith: "reminder" } },
    select: { kind: true, visibleToRequester: true, data: true },
  });
}

async function managerEmails() {
  const users = await db.user.findMany({
    where: { role: { in: ["MANAGER", "ADMIN"] } },
    select: { email: true },
  });
  return users.map((u) => u.email).sort();
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    scan: await import("./scan"),
    jobs: await import("./jobs"),
    boss: await import("@/lib/jobs/boss"),
  };
  const user = await person("SUBJECT");
  const subject = await db.subject.create({
    data: { userId: user.id, familyName: "試験", givenName: "花子", email: user.email },
  });
  subjectId = subject.id;
  await person("MANAGER");
  await person("ADMIN", "en");
});

afterAll(async () => {
  await (await mod.boss.getBoss()).stop({ graceful: false });
  await db.$disconnect();
  await testDb.drop();
});

describe("scanReminders", () => {
  it("reminds the assignee once, in their language, when a request is due within 3 days", async () => {
    const now = new Date();
    const assignee = await person("STAFF", "en");
    const due = new Date(now.getTime() + 2 * DAY);
    const r = await request({ due, assigneeId: assignee.id });

    const first = await mod.scan.scanReminders(db, now);
    expect(first.dueSoon).toBeGreaterThanOrEqual(1);
    expect(await mails(r.reference)).toEqual([
      { to: assignee.email, kind: "reminderDue3", locale: "en", dueDate: due.toISOString() },
    ]);
    const recorded = await events(r.id);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ kind: "reminderDue3", visibleToRequester: false });

    // A later scan, still within the window, sends nothing more.
    await mod.scan.scanReminders(db, new Date(now.getTime() + DAY));
    expect(await mails(r.reference)).toHaveLength(1);
    expect(await events(r.id)).toHaveLength(1);
  });

  it("does not remind requests due later than 3 days or closed ones", async () => {
    const now = new Date();
    const assignee = await person("STAFF");
    const later = await request({
      due: new Date(now.getTime() + 4 * DAY),
      assigneeId: assignee.id,
    });
    const closedSoon = await request({
      due: new Date(now.getTime() + DAY),
      assigneeId: assignee.id,
      status: "COMPLETED",
    });
    const closedLate = await request({
      due: new Date(now.getTime() - DAY),
      assigneeId: assignee.id,
      status: "WITHDRAWN",
    });
    await mod.scan.scanReminders(db, now);
    for (const r of [later, closedSoon, closedLate]) {
      expect(await mails(r.reference)).toEqual([]);
      expect(await events(r.id)).toEqual([]);
    }
  });

  it("escalates an overdue request to every manager and admin once", async () => {
    const now = new Date();
    const assignee = await person("STAFF");
    const due = new Date(now.getTime() - 60_000);
    const r = await request({ due, assigneeId: assignee.id });

    await mod.scan.scanReminders(db, now);
    const sent = await mails(r.reference);
    expect(sent.map((m) => m.to).sort()).toEqual(await managerEmails());
    expect(sent.every((m) => m.kind === "reminderOverdue")).toBe(true);
    expect(sent.map((m) => m.to)).not.toContain(assignee.email);

    await mod.scan.scanReminders(db, new Date(now.getTime() + 2 * DAY));
    expect(await mails(r.reference)).toHaveLength(sent.length);
    expect((await events(r.id)).map((e) => e.kind)).toEqual(["reminderOverdue"]);
  });

  it("sends no due-soon reminder for an unassigned request, but escalates it when overdue", async () => {
    const now = new Date();
    const r = await request({ due: new Date(now.getTime() + DAY) });
    await mod.scan.scanReminders(db, now);
    expect(await mails(r.reference)).toEqual([]);

    await mod.scan.scanReminders(db, new Date(now.getTime() + 2 * DAY));
    const sent = await mails(r.reference);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((m) => m.kind === "reminderOverdue")).toBe(true);
  });

  it("uses the extended due date, and reminds again for a new due date after an extension", async () => {
    const now = new Date();
    const assignee = await person("STAFF");
    const r = await request({ due: new Date(now.getTime() + DAY), assigneeId: assignee.id });
    await mod.scan.scanReminders(db, now);
    expect(await mails(r.reference)).toHaveLength(1);

    // Extended by 30 days: not overdue at the original date, reminded again before the new one.
    const extended = new Date(now.getTime() + 31 * DAY);
    await db.request.update({ where: { id: r.id }, data: { extendedDueAt: extended } });
    await mod.scan.scanReminders(db, new Date(now.getTime() + 2 * DAY));
    expect(await mails(r.reference)).toHaveLength(1);
    await mod.scan.scanReminders(db, new Date(now.getTime() + 29 * DAY));
    const sent = await mails(r.reference);
    expect(sent).toHaveLength(2);
    expect(sent.map((m) => m.dueDate)).toContain(extended.toISOString());
  });

  it("escalates a proposed extension still waiting for approval before the first period ends", async () => {
    const now = new Date();
    const due = new Date(now.getTime() + 2 * DAY);
    const r = await request({ due });
    const sentNotice = await request({ due });
    // Proposed and waiting for approval; the other one was approved and its notice sent.
    const asker = await person("STAFF");
    for (const [id, decision] of [
      [r.id, "PENDING"],
      [sentNotice.id, "APPROVED"],
    ] as const) {
      await db.approval.create({
        data: {
          requestId: id,
          kind: "EXTENSION",
          decision,
          requestedById: asker.id,
          proposal: { jurisdiction: "EU", reason: "多数の記録の確認" },
        },
      });
    }

    await mod.scan.scanReminders(db, now);
    const sent = await mails(r.reference);
    expect(sent.map((m) => m.to).sort()).toEqual(await managerEmails());
    expect(sent.every((m) => m.kind === "reminderExtensionNotice")).toBe(true);
    expect(sent.every((m) => m.dueDate === due.toISOString())).toBe(true);
    expect(await mails(sentNotice.reference)).toEqual([]);

    await mod.scan.scanReminders(db, new Date(now.getTime() + DAY));
    expect(await mails(r.reference)).toHaveLength(sent.length);
    expect((await events(r.id)).map((e) => e.kind)).toEqual(["reminderExtensionNotice"]);
  });

  it("two concurrent scans still send one reminder", async () => {
    const now = new Date();
    const assignee = await person("STAFF");
    const r = await request({ due: new Date(now.getTime() + DAY), assigneeId: assignee.id });
    await Promise.all([
      mod.scan.scanReminders(db, now),
      mod.scan.scanReminders(db, now),
      mod.scan.scanReminders(db, now),
    ]);
    expect(await mails(r.reference)).toHaveLength(1);
    expect(await events(r.id)).toHaveLength(1);
  });
});

describe("reminder-scan job", () => {
  async function runScanJob() {
    const boss = await mod.boss.getBoss();
    const id = await boss.send(mod.boss.QUEUES.reminderScan, {});
    expect(id).toBeTruthy();
    await expect
      .poll(async () => (await boss.getJobById(mod.boss.QUEUES.reminderScan, id!))?.state, {
        timeout: 15_000,
      })
      .toBe("completed");
  }

  it("is scheduled, runs the scan, and a restarted worker does not resend", async () => {
    const assignee = await person("STAFF");
    const r = await request({ due: new Date(Date.now() + DAY), assigneeId: assignee.id });

    await mod.jobs.registerReminders(await mod.boss.getBoss(), db);
    const schedules = await (await mod.boss.getBoss()).getSchedules();
    expect(schedules.map((s) => [s.name, s.cron])).toContainEqual([
      mod.boss.QUEUES.reminderScan,
      mod.jobs.REMINDER_CRON,
    ]);
    await runScanJob();
    expect(await mails(r.reference)).toHaveLength(1);

    // A restart: the old queue client stops, a new one starts and registers again.
    await (await mod.boss.getBoss()).stop({ graceful: false });
    (globalThis as unknown as { __boss?: unknown }).__boss = undefined;
    await mod.jobs.registerReminders(await mod.boss.getBoss(), db);
    await runScanJob();
    expect(await mails(r.reference)).toHaveLength(1);
    expect(await events(r.id)).toHaveLength(1);
  });
});
