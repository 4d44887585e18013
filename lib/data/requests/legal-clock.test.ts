import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "@/lib/db";
import type { Jurisdiction, RequestStatus } from "@/lib/generated/prisma/enums";
import { deadlinePolicies } from "@/prisma/seed/organisation";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: waiting for the requester stops the clock where the law says so (UK), as events
// the due date is derived from; elsewhere (JP) it runs on.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let transition: typeof import("./transition");
let subjectId: string;
let staff: { userId: string; role: "STAFF"; ip: null };
let counter = 0;
const DAY = 86_400_000;

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  transition = await import("./transition");
  await db.deadlinePolicy.createMany({ data: [...deadlinePolicies] });
  subjectId = (await db.subject.create({ data: { familyName: "時計", givenName: "花子" } })).id;
  const user = await db.user.create({
    data: { email: "clock-staff@test.example.jp", role: "STAFF" },
  });
  staff = { userId: user.id, role: "STAFF", ip: null };
});

afterAll(async () => {
  const { getBoss } = await import("@/lib/jobs/boss");
  await (await getBoss()).stop({ graceful: false });
  await db.$disconnect();
  await testDb.drop();
});

async function request(jurisdictions: Jurisdiction[], status: RequestStatus) {
  counter += 1;
  const receivedAt = new Date(Date.now() - 10 * DAY);
  const { id } = await db.request.create({
    data: {
      reference: `R-2092-${String(counter).padStart(6, "0")}`,
      type: "DISCLOSURE",
      status,
      subjectId,
      jurisdictions,
      details: {},
      receivedAt,
      dueAt: new Date(receivedAt.getTime() + 28 * DAY),
    },
    select: { id: true },
  });
  return id;
}

type Name = "askForInfo" | "provideInfo" | "requestIdentityDocuments" | "identityDocumentsReceived";
const BY_REQUESTER: readonly Name[] = ["provideInfo", "identityDocumentsReceived"];

const apply = (requestId: string, name: Name, role = staff) =>
  db.$transaction((tx) =>
    transition.applyTransition(tx, {
      requestId,
      name,
      actor: BY_REQUESTER.includes(name) ? { ...role, role: "SUBJECT" } : role,
    }),
  );

describe("the legal clock", () => {
  it("stops a UK request's clock while it waits for the requester, and moves its due date by the wait", async () => {
    const id = await request(["UK"], "IN_PROGRESS");
    await apply(id, "askForInfo");
    const paused = await db.clockEvent.findMany({ where: { requestId: id } });
    expect(paused.map((e) => e.kind)).toEqual(["PAUSE"]);
    // As if the requester answered five days later.
    await db.clockEvent.update({
      where: { id: paused[0]!.id },
      data: { at: new Date(Date.now() - 5 * DAY) },
    });
    const { dueAt: before } = await db.request.findUniqueOrThrow({ where: { id } });
    // The same request's due date with the clock never stopped, from the engine.
    const { recomputeDueAt } = await import("@/lib/data/requests/deadline-rule");
    const twin = await request(["UK"], "IN_PROGRESS");
    const unpaused = (await db.$transaction((tx) => recomputeDueAt(tx, twin))).dueAt;
    await apply(id, "provideInfo");
    const events = await db.clockEvent.findMany({
      where: { requestId: id },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => e.kind)).toEqual(["PAUSE", "RESUME"]);
    const { dueAt: after } = await db.request.findUniqueOrThrow({ where: { id } });
    // Five days waiting (rounded up to whole days) on top of the unpaused due date.
    const added = Math.round((after.getTime() - unpaused.getTime()) / DAY);
    expect(added).toBeGreaterThanOrEqual(5);
    expect(added).toBeLessThanOrEqual(6);
    expect(after.getTime()).not.toBe(before.getTime());
  });

  it("starts a UK request's month again on the day the identity it asked for arrives; not the EU's", async () => {
    const { recomputeDueAt } = await import("@/lib/data/requests/deadline-rule");
    const uk = await request(["UK"], "SUBMITTED");
    const eu = await request(["EU"], "SUBMITTED");
    for (const id of [uk, eu]) {
      await apply(id, "requestIdentityDocuments");
      await apply(id, "identityDocumentsReceived");
    }
    const events = await db.clockEvent.findMany({
      where: { requestId: uk },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => e.kind)).toEqual(["PAUSE", "RESTART"]);
    // The EU has no pause or restart in law and no policy that stops its clock.
    expect(await db.clockEvent.count({ where: { requestId: eu } })).toBe(0);

    const { dueAt, result } = await db.$transaction((tx) => recomputeDueAt(tx, uk));
    const clock = result.jurisdictions[0]!;
    expect(clock.clockStartAt.toISOString()).toBe(events[1]!.at.toISOString());
    // A month from the arrival (today), not from receipt ten days ago.
    expect((dueAt.getTime() - events[1]!.at.getTime()) / DAY).toBeGreaterThanOrEqual(28);
    const stored = await db.request.findUniqueOrThrow({ where: { id: uk } });
    expect(stored.dueAt.toISOString()).toBe(dueAt.toISOString());
    const euDue = (await db.$transaction((tx) => recomputeDueAt(tx, eu))).dueAt;
    expect((euDue.getTime() - Date.now()) / DAY).toBeLessThan(22);
  });

  it("lets a JP request's clock run on", async () => {
    const id = await request(["JP"], "IN_PROGRESS");
    const { dueAt: before } = await db.request.findUniqueOrThrow({ where: { id } });
    await apply(id, "askForInfo");
    await apply(id, "provideInfo");
    expect(await db.clockEvent.count({ where: { requestId: id } })).toBe(0);
    expect((await db.request.findUniqueOrThrow({ where: { id } })).dueAt).toEqual(before);
  });
});
