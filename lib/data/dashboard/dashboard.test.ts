import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Outcome, RefusalGround, RequestStatus } from "@/lib/generated/prisma/enums";
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
  return { userId: user.id, role, email: user.email, ip: "127.0.0.1", passkeyAt: new Date() };
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
      // Left out when not given, as the app does: Prisma then writes NULL (read back as []).
      refusalGrounds: data.refusalGrounds as never,
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

  it("exports every request of the period, whatever its status and outcome, NULL lists too", async () => {
    // 8 statuses × 7 outcomes (none included) × 3 kinds of grounds (none given, so NULL as Prisma
    // writes it; empty; some), 9 times over: 1,512 rows, more than one page of 1,000, received at
    // 12 instants so the keyset cuts between rows of the same instant.
    const statuses = Object.values(RequestStatus);
    const outcomes = [null, ...Object.values(Outcome)];
    const grounds = [undefined, [], Object.values(RefusalGround).slice(0, 2)];
    const subject = await db.subject.create({
      data: { familyName: "試験", givenName: "全件", email: `${randomUUID()}@test.example.jp` },
    });
    const data: Prisma.RequestCreateManyInput[] = [];
    for (let copy = 0; copy < 9; copy += 1)
      for (const status of statuses)
        for (const outcome of outcomes)
          for (const refusalGrounds of grounds) {
            const n = data.length;
            const receivedAt = new Date(Date.UTC(2025, 10, 3, n % 12, 0, 0)); // 3 Nov 2025, JST
            data.push({
              reference: `R-2025-${String(n + 1).padStart(6, "0")}`,
              subjectId: subject.id,
              type: "DISCLOSURE",
              status,
              receivedAt,
              dueAt: new Date(receivedAt.getTime() + 10 * DAY),
              closedAt:
                outcome || status === "WITHDRAWN" ? new Date(receivedAt.getTime() + DAY) : null,
              outcome,
              ...(refusalGrounds ? { refusalGrounds } : {}),
            });
          }
    await db.request.createMany({ data });
    try {
      // One request whose jurisdictions are NULL too (only raw SQL can write that).
      await db.$executeRaw`UPDATE "Request" SET jurisdictions = NULL WHERE reference = 'R-2025-000001'`;
      const nulls = await db.$queryRaw<{ grounds: number; jurisdictions: number }[]>`
        SELECT count(*) FILTER (WHERE "refusalGrounds" IS NULL)::int AS grounds,
          count(*) FILTER (WHERE jurisdictions IS NULL)::int AS jurisdictions
        FROM "Request" WHERE reference LIKE 'R-2025-%'`;
      expect(nulls[0]).toEqual({
        grounds: 9 * statuses.length * outcomes.length,
        jurisdictions: 1,
      });

      const pageSizes: number[] = [];
      const records = [];
      for await (const page of mod.streamRequestRecords({
        actor: manager,
        from: "2025-11-01",
        to: "2025-11-30",
      })) {
        pageSizes.push(page.length);
        records.push(...page);
      }
      // More than one page of 1,000, the last one partial.
      expect(data.length).toBeGreaterThan(1000);
      expect(data.length).toBeLessThan(2000);
      expect(pageSizes).toEqual([1000, data.length - 1000]);
      // Every row once: the keyset cuts between rows received at the same instant.
      expect(records).toHaveLength(data.length);
      expect(new Set(records.map((r) => r.reference))).toEqual(
        new Set(data.map((d) => d.reference)),
      );
      expect(new Set(records.map((r) => r.status))).toEqual(new Set(statuses));
      expect(new Set(records.map((r) => r.outcome))).toEqual(new Set(outcomes));
      for (const r of records) {
        expect(Array.isArray(r.refusalGrounds)).toBe(true);
        expect(Array.isArray(r.jurisdictions)).toBe(true);
      }
      expect(records.find((r) => r.reference === "R-2025-000001")).toMatchObject({
        jurisdictions: [],
        refusalGrounds: [],
      });
      expect(records.filter((r) => r.refusalGrounds.length === 2)).toHaveLength(data.length / 3);
    } finally {
      // Other tests count open requests: leave the database as it was.
      await db.request.deleteMany({ where: { subjectId: subject.id } });
      await db.subject.delete({ where: { id: subject.id } });
    }
  });
});
