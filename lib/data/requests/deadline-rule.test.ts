import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "@/lib/db";
import type { Jurisdiction, RequestType } from "@/lib/generated/prisma/enums";
import { deadlinePolicies } from "@/prisma/seed/organisation";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: due dates derived from the seeded policies, clock events and extensions in a real
// PostgreSQL database.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let rule: typeof import("./deadline-rule");
let subjectId: string;
let counter = 0;

const jst = (s: string) => new Date(`${s}+09:00`);
const endOf = (day: string) => jst(`${day}T23:59:59.999`).toISOString();
// Other jurisdictions end their days at local midnight (lib/deadlines/calendar.ts).
const endAt = (day: string, offset: string) =>
  new Date(`${day}T23:59:59.999${offset}`).toISOString();

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  rule = await import("./deadline-rule");
  await db.deadlinePolicy.createMany({ data: [...deadlinePolicies] });
  subjectId = (await db.subject.create({ data: { familyName: "期限", givenName: "花子" } })).id;
});

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

async function request(
  jurisdictions: Jurisdiction[],
  receivedAt: Date,
  type: RequestType = "DISCLOSURE",
) {
  counter += 1;
  const created = await db.request.create({
    data: {
      reference: `R-2091-${String(counter).padStart(6, "0")}`,
      type,
      subjectId,
      filerRole: "SELF",
      channel: "WEB",
      jurisdictions,
      details: {},
      receivedAt,
      dueAt: receivedAt,
    },
    select: { id: true },
  });
  return created.id;
}

describe("dueAtFor", () => {
  it("takes the earliest of the request's jurisdictions, JP by default", async () => {
    const received = jst("2026-01-31T10:00:00");
    const at = (js?: Jurisdiction[], type: RequestType = "DISCLOSURE") =>
      db.$transaction(async (tx) => (await rule.dueAtFor(tx, type, received, js)).toISOString());
    expect(await at()).toBe(endOf("2026-02-10"));
    expect(await at(["EU", "JP"])).toBe(endOf("2026-02-10"));
    expect(await at(["EU", "US_CA"])).toBe(endAt("2026-02-28", "+01:00"));
    // The opt-out rule for the type beats US-CA's default: 15 business days, counted from Jan 30,
    // the day it still was in California when the request arrived.
    expect(await at(["US_CA"], "STOP_PROVISION")).toBe(endAt("2026-02-20", "-08:00"));
  });
});

describe("recomputeDueAt", () => {
  it("counts the GDPR in the member state's time, from the residence on the request", async () => {
    // 23:30 on Jan 31 in Lisbon is already Feb 1 in Paris.
    const received = new Date("2026-01-31T23:30:00Z");
    const lisbon = await request(["EU"], received);
    const paris = await request(["EU"], received);
    await db.request.update({ where: { id: lisbon }, data: { residenceCountry: "PT" } });
    await db.request.update({ where: { id: paris }, data: { residenceCountry: "FR" } });
    const [pt, fr] = await db.$transaction(async (tx) => [
      await rule.recomputeDueAt(tx, lisbon),
      await rule.recomputeDueAt(tx, paris),
    ]);
    expect(pt.dueAt.toISOString()).toBe(endAt("2026-02-28", "+00:00"));
    expect(fr.dueAt.toISOString()).toBe(endAt("2026-03-01", "+01:00"));
  });

  it("adds a UK pause back and applies an extension noticed in time", async () => {
    const id = await request(["UK"], new Date("2026-03-10T12:00:00Z"));
    await db.clockEvent.createMany({
      data: [
        { requestId: id, kind: "PAUSE", reason: "clarification", at: jst("2026-03-15T09:00:00") },
        { requestId: id, kind: "RESUME", at: jst("2026-03-20T09:00:00") },
      ],
    });
    const paused = await db.$transaction((tx) => rule.recomputeDueAt(tx, id));
    expect(paused.dueAt.toISOString()).toBe(endAt("2026-04-15", "+01:00"));
    expect(paused.extendedDueAt).toBeNull();

    await db.extension.create({
      data: {
        requestId: id,
        jurisdiction: "UK",
        reason: "complex",
        newDueAt: new Date(endOf("2026-06-15")),
        noticeSentAt: jst("2026-04-01T10:00:00"),
      },
    });
    const extended = await db.$transaction((tx) => rule.recomputeDueAt(tx, id));
    expect(extended.dueAt.toISOString()).toBe(endAt("2026-04-15", "+01:00"));
    expect(extended.extendedDueAt?.toISOString()).toBe(endOf("2026-06-15"));
    expect(extended.result.jurisdictions[0]?.extension).toMatchObject({ status: "applied" });
  });

  it("keeps the earliest jurisdiction's date when another one is extended, and refuses a late notice", async () => {
    const id = await request(["JP", "EU"], jst("2026-01-31T10:00:00"));
    await db.extension.create({
      data: {
        requestId: id,
        jurisdiction: "EU",
        reason: "numerous",
        newDueAt: new Date(endOf("2026-04-30")),
        noticeSentAt: jst("2026-03-02T10:00:00"),
      },
    });
    const r = await db.$transaction((tx) => rule.recomputeDueAt(tx, id));
    expect(r.dueAt.toISOString()).toBe(endOf("2026-02-10"));
    expect(r.extendedDueAt).toBeNull();
    expect(r.result.governing).toBe("JP");
    expect(r.result.jurisdictions.find((j) => j.jurisdiction === "EU")?.extension).toEqual({
      status: "refused",
      reason: "deadlines.extension.noticeTooLate",
    });
    expect(r.result.jpStatutory?.warning).toBe(false);
  });

  it("reports US-CA's acknowledgement date and ignores pauses there", async () => {
    const id = await request(["US_CA"], new Date("2026-04-28T10:00:00-07:00"));
    await db.clockEvent.create({
      data: { requestId: id, kind: "PAUSE", at: jst("2026-04-30T10:00:00") },
    });
    const r = await db.$transaction((tx) =>
      rule.recomputeDueAt(tx, id, { now: jst("2026-05-20T10:00:00") }),
    );
    expect(r.ackDueAt?.toISOString()).toBe(endAt("2026-05-12", "-07:00"));
    expect(r.dueAt.toISOString()).toBe(endAt("2026-06-12", "-07:00"));
    expect(r.result.jurisdictions[0]?.paused).toBe(false);
  });
});
