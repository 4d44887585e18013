import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: the manager dashboard's figures and the regulators' CSV records against a real
// PostgreSQL database with known requests, at a fixed "now" (Wednesday 17 June 2026, 12:00 JST).

const NOW = new Date("2026-06-17T03:00:00Z");
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let mod: typeof import("./get-dashboard") & typeof import("./stream-request-records");
let manager: Actor;
let staffA: Actor;
let staffB: Actor;

async function person(role: Actor["role"], name: string): Promise<Actor> {
  const user = await db.user.create({
    data: { email: `${randomUUID()}@test.example.jp`, role, name },
  });
  return { userId: user.id, role, email: user.email, ip: "127.0.0.1" };
}

let seq = 0;
async function request(data: {
  status: string;
  type?: string;
  jurisdictions?: string[];
  receivedAt: Date;
  dueAt?: Date;
  extendedDueAt?: Date;
  closedAt?: Date;
  assigneeId?: string;
  outcome?: string;
  refusalGrounds?: string[];
  ackDueAt?: Date;
  acknowledgedAt?: Date;
}) {
  const subject = await db.subject.create({
    data: { familyName: "試験", givenName: "花子", email: `${randomUUID()}@test.example.jp` },
  });
  seq += 1;
  const reference = `R-2026-${String(seq).padStart(6, "0")}`;
  await db.request.create({
    data: {
      reference,
      subjectId: subject.id,
      status: data.status as never,
      type: (data.type ?? "DISCLOSURE") as never,
      jurisdictions: (data.jurisdictions ?? ["JP"]) as never,
      receivedAt: data.receivedAt,
      dueAt: data.dueAt ?? new Date(data.receivedAt.getTime() + 10 * DAY),
      extendedDueAt: data.extendedDueAt,
      ackDueAt: data.ackDueAt,
      acknowledgedAt: data.acknowledgedAt,
      closedAt: data.closedAt,
      assigneeId: data.assigneeId,
      outcome: data.outcome as never,
      refusalGrounds: (data.refusalGrounds ?? []) as never,
    },
  });
  return reference;
}

const closed = (daysAgo: number, duration: number, type = "DISCLOSURE") =>
  request({
    status: "COMPLETED",
    type,
    receivedAt: ago(daysAgo + duration),
    closedAt: ago(daysAgo),
    outcome: "FULFILLED",
  });

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    ...(await import("./get-dashboard")),
    ...(await import("./stream-request-records")),
  };
  manager = await person("MANAGER", "管理 一郎");
  staffA = await person("STAFF", "担当 A");
  staffB = await person("STAFF", "担当 B");
  await db.deadlinePolicy.create({
    data: {
      jurisdiction: "US_CA",
      amount: 45,
      unit: "CALENDAR_DAYS",
      ackAmount: 10,
      ackUnit: "BUSINESS_DAYS",
    },
  });
  await db.deadlinePolicy.create({
    data: { jurisdiction: "JP", amount: 10, unit: "CALENDAR_DAYS" },
  });
  // Open requests.
  await request({
    status: "IN_PROGRESS",
    receivedAt: ago(20),
    dueAt: ago(1),
    assigneeId: staffA.userId,
  }); // overdue
  await request({
    status: "SUBMITTED",
    type: "CORRECTION",
    jurisdictions: ["JP", "US_CA"],
    receivedAt: ago(15),
    dueAt: new Date(NOW.getTime() + 2 * DAY),
    ackDueAt: ago(1),
  }); // due soon; acknowledgement overdue (its 10 business days ended yesterday)
  await request({
    status: "SUBMITTED",
    jurisdictions: ["US_CA"],
    receivedAt: ago(5),
    dueAt: new Date(NOW.getTime() + 40 * DAY),
    ackDueAt: ago(1),
    acknowledgedAt: ago(5),
  }); // past its acknowledgement date but acknowledged on arrival: not overdue
  await request({
    status: "NEEDS_INFO",
    receivedAt: ago(3), // Sunday 14 June, 12:00 JST
    dueAt: ago(2),
    extendedDueAt: new Date(NOW.getTime() + 10 * DAY), // extended: not overdue
    assigneeId: staffA.userId,
  });
  await request({
    status: "IN_PROGRESS",
    type: "STOP_PROVISION",
    jurisdictions: ["EU"],
    receivedAt: ago(1),
    dueAt: new Date(NOW.getTime() + 5 * DAY),
    assigneeId: staffB.userId,
  });
  // Closed requests: completed DISCLOSURE in 2, 4, 6, 8 days within 30 days, 20 days 60 days ago.
  await closed(1, 2);
  await closed(3, 4);
  await closed(10, 6);
  await closed(20, 8);
  await closed(60, 20);
  await closed(5, 1, "CORRECTION");
  await closed(200, 100, "CORRECTION");
  // Withdrawn: a closure in the trend, not a time to close. Received Monday 00:30 JST (Sunday UTC).
  await request({
    status: "WITHDRAWN",
    receivedAt: new Date("2026-06-14T15:30:00Z"),
    closedAt: ago(1),
    refusalGrounds: [],
  });
  await request({
    status: "COMPLETED",
    type: "CORRECTION",
    receivedAt: new Date("2026-01-10T01:00:00Z"),
    closedAt: new Date("2026-01-20T01:00:00Z"),
    outcome: "REFUSED",
    refusalGrounds: ["CONTENT_NOT_UNTRUE"],
  });
});

afterAll(async () => {
  await db?.$disconnect();
  await testDb?.drop();
});

describe("getDashboard", () => {
  it("counts open requests by status, type and jurisdiction, deadlines and workload", async () => {
    const d = await mod.getDashboard({ actor: manager, now: NOW });
    expect(d.open).toBe(5);
    expect(d.byStatus).toEqual([
      { key: "SUBMITTED", count: 2 },
      { key: "IN_PROGRESS", count: 2 },
      { key: "NEEDS_INFO", count: 1 },
    ]);
    expect(d.byType).toEqual([
      { key: "DISCLOSURE", count: 3 },
      { key: "CORRECTION", count: 1 },
      { key: "STOP_PROVISION", count: 1 },
    ]);
    expect(d.byJurisdiction).toEqual([
      { key: "JP", count: 3 },
      { key: "EU", count: 1 },
      { key: "US_CA", count: 2 },
    ]);
    expect(d.overdue).toBe(1);
    expect(d.dueSoon).toBe(1);
    expect(d.ackOverdue).toBe(1);
    expect(d.workload).toEqual([
      { assigneeId: null, name: null, count: 2 },
      { assigneeId: staffA.userId, name: "担当 A", count: 2 },
      { assigneeId: staffB.userId, name: "担当 B", count: 1 },
    ]);
  });

  it("computes median and 90th percentile time to close per type over 30 and 90 days", async () => {
    const d = await mod.getDashboard({ actor: manager, now: NOW });
    const round = (v: number) => Math.round(v * 1000) / 1000;
    expect(d.closeTimes.map((c) => ({ ...c, median: round(c.median), p90: round(c.p90) }))).toEqual(
      [
        { windowDays: 30, type: "DISCLOSURE", count: 4, median: 5, p90: 7.4 },
        { windowDays: 30, type: "CORRECTION", count: 1, median: 1, p90: 1 },
        { windowDays: 90, type: "DISCLOSURE", count: 5, median: 6, p90: 15.2 },
        { windowDays: 90, type: "CORRECTION", count: 1, median: 1, p90: 1 },
      ],
    );
  });

  it("buckets intake and closures into the last 12 weeks from Monday, Japan time", async () => {
    const d = await mod.getDashboard({ actor: manager, now: NOW });
    expect(d.weeks).toHaveLength(12);
    expect(d.weeks[0]!.week).toBe("2026-03-30");
    expect(d.weeks[11]!.week).toBe("2026-06-15");
    const nonZero = d.weeks.filter((w) => w.intake > 0 || w.closed > 0);
    expect(nonZero).toEqual([
      { week: "2026-04-13", intake: 0, closed: 1 },
      { week: "2026-05-18", intake: 1, closed: 0 },
      { week: "2026-05-25", intake: 1, closed: 1 },
      { week: "2026-06-01", intake: 2, closed: 1 },
      { week: "2026-06-08", intake: 5, closed: 2 },
      { week: "2026-06-15", intake: 2, closed: 2 },
    ]);
  });

  it("is refused to subjects and staff", async () => {
    const subject = await person("SUBJECT", "本人");
    await expect(mod.getDashboard({ actor: subject })).rejects.toThrow("FORBIDDEN");
    await expect(mod.getDashboard({ actor: staffA })).rejects.toThrow("FORBIDDEN");
  });
});

describe("streamRequestRecords", () => {
  it("reads the records received in the period, in order, without personal data", async () => {
    const pages = [];
    for await (const page of mod.streamRequestRecords({
      actor: manager,
      from: "2026-01-10",
      to: "2026-01-10",
    }))
      pages.push(...page);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({
      type: "CORRECTION",
      status: "COMPLETED",
      outcome: "REFUSED",
      refusalGrounds: ["CONTENT_NOT_UNTRUE"],
      jurisdictions: ["JP"],
      channel: "WEB",
    });
    expect(pages[0]!.closedAt?.toISOString()).toBe("2026-01-20T01:00:00.000Z");
    expect(Object.keys(pages[0]!)).not.toContain("subjectId");

    const june = [];
    for await (const page of mod.streamRequestRecords({
      actor: manager,
      from: "2026-06-15",
      to: "2026-06-17",
    }))
      june.push(...page);
    // Monday 00:30 JST (withdrawn) and Tuesday (the EU request); Sunday 14 June is outside.
    expect(june.map((r) => r.status)).toEqual(["WITHDRAWN", "IN_PROGRESS"]);
  });

  it("audits the export and refuses staff", async () => {
    await mod.auditRequestExport({ actor: manager, from: "2026-01-01", to: "2026-06-30" });
    const events = await db.auditEvent.findMany({ where: { action: "requests.export" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBe(manager.userId);
    await expect(
      mod.auditRequestExport({ actor: staffA, from: "2026-01-01", to: "2026-01-02" }),
    ).rejects.toThrow("FORBIDDEN");
    const gen = mod.streamRequestRecords({ actor: staffA, from: "2026-01-01", to: "2026-01-02" });
    await expect(gen.next()).rejects.toThrow("FORBIDDEN");
  });
});
