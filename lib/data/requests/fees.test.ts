import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { Jurisdiction, RequestType } from "@/lib/generated/prisma/enums";
import { deadlinePolicies } from "@/prisma/seed/organisation";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: a fee asked of the requester, on a basis the law allows; the request waits for it;
// recorded paid on a day, the clock starts again from that day where the law says so (UK, JP), or
// waived, the request resumes; each step audited; the requester sees only their own open fee.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let fees: typeof import("./fees");
let subjectId: string;
let staff: Actor;
let requester: Actor;
let counter = 0;
const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  fees = await import("./fees");
  await db.deadlinePolicy.createMany({ data: [...deadlinePolicies] });
  await db.organisation.create({
    data: { nameJa: "試験株式会社", nameEn: "Test Ltd.", disclosureFeeYen: 1000 },
  });
  const person = await db.user.create({
    data: { email: "fee-subject@test.example.jp", role: "SUBJECT" },
  });
  subjectId = (
    await db.subject.create({
      data: { familyName: "手数料", givenName: "花子", userId: person.id },
    })
  ).id;
  requester = { userId: person.id, role: "SUBJECT", ip: null } as Actor;
  const user = await db.user.create({
    data: { email: "fee-staff@test.example.jp", role: "STAFF" },
  });
  staff = { userId: user.id, role: "STAFF", ip: null } as Actor;
});

afterAll(async () => {
  const { getBoss } = await import("@/lib/jobs/boss");
  await (await getBoss()).stop({ graceful: false });
  await db.$disconnect();
  await testDb.drop();
});

async function request(jurisdictions: Jurisdiction[], type: RequestType = "DISCLOSURE") {
  counter += 1;
  const receivedAt = new Date(Date.now() - 10 * DAY);
  const reference = `R-2093-${String(counter).padStart(6, "0")}`;
  const { recomputeDueAt } = await import("./deadline-rule");
  const { id } = await db.request.create({
    data: {
      reference,
      type,
      status: "IN_PROGRESS",
      subjectId,
      filedById: requester.userId,
      jurisdictions,
      details: {},
      receivedAt,
      identityVerifiedAt: receivedAt,
      dueAt: receivedAt,
    },
    select: { id: true },
  });
  const due = await db.$transaction((tx) => recomputeDueAt(tx, id));
  await db.request.update({ where: { id }, data: { dueAt: due.dueAt } });
  return { id, reference };
}

const ask = (reference: string, over: Record<string, string> = {}) =>
  fees.askForFee({
    actor: staff,
    input: {
      reference,
      basis: "FURTHER_COPIES",
      currency: "GBP",
      amount: "10.00",
      instructions: "振込先: テスト銀行 本店 普通 1234567",
      ...over,
    } as never,
  });

describe("fees asked of the requester", () => {
  it("asks a UK requester for a fee, waits, and counts the month again from the day it arrived", async () => {
    const { id, reference } = await request(["JP", "UK"]);
    await ask(reference);
    const waiting = await db.request.findUniqueOrThrow({ where: { id } });
    expect(waiting.status).toBe("AWAITING_FEE");
    const open = await fees.getOpenFee({ actor: requester, reference });
    expect(open).toMatchObject({ amountMinor: 1000, currency: "GBP", basis: "FURTHER_COPIES" });
    // The requester was told by mail (the status change), and the step is audited.
    const mail = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pgboss.job WHERE name = 'mail-send'
        AND data->>'kind' = 'requestStatusChanged' AND data->'params'->>'status' = 'AWAITING_FEE'`;
    expect(Number(mail[0]!.n)).toBe(1);
    expect(await db.auditEvent.count({ where: { requestId: id, action: "fee.ask" } })).toBe(1);
    // Another subject sees nothing.
    const stranger = { userId: "someone-else", role: "SUBJECT", ip: null } as Actor;
    expect(await fees.getOpenFee({ actor: stranger, reference })).toBeNull();

    // A second fee cannot be asked while one is open.
    await expect(ask(reference)).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });

    // The payment arrived yesterday.
    const yesterday = new Date(Date.now() - DAY);
    // The fee was asked "two days ago" so that yesterday is after it.
    await db.requestFee.updateMany({
      where: { requestId: id },
      data: { askedAt: new Date(Date.now() - 2 * DAY) },
    });
    await db.clockEvent.updateMany({
      where: { requestId: id, kind: "PAUSE" },
      data: { at: new Date(Date.now() - 2 * DAY) },
    });
    await fees.settleFee({
      actor: staff,
      input: { reference, settlement: "PAID", receivedOn: isoDay(yesterday) },
    });
    const resumed = await db.request.findUniqueOrThrow({ where: { id } });
    expect(resumed.status).toBe("IN_PROGRESS");
    const events = await db.clockEvent.findMany({
      where: { requestId: id },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => e.kind)).toEqual(["PAUSE", "FEE_RESTART"]);
    // Midday UTC of the day given.
    expect(events[1]!.at.toISOString()).toBe(`${isoDay(yesterday)}T12:00:00.000Z`);
    const { currentDeadlines } = await import("./deadline-rule");
    const { result } = await currentDeadlines(id);
    const uk = result.jurisdictions.find((j) => j.jurisdiction === "UK")!;
    expect(uk.clockStartAt.toISOString()).toBe(events[1]!.at.toISOString());
    // JP counts its ten days from the fee too, and governs.
    expect(result.governing).toBe("JP");
    expect((resumed.dueAt.getTime() - events[1]!.at.getTime()) / DAY).toBeGreaterThan(9);
    expect(resumed.dueAt.getTime()).toBeGreaterThan(Date.now() + 7 * DAY);
    const settled = await db.requestFee.findFirstOrThrow({ where: { requestId: id } });
    expect(settled).toMatchObject({ settlement: "PAID", settledById: staff.userId });
    expect(await db.auditEvent.count({ where: { requestId: id, action: "fee.paid" } })).toBe(1);
    expect(await fees.getOpenFee({ actor: requester, reference })).toBeNull();
  });

  it("closes the UK's pause when the fee is recorded on the day it was asked", async () => {
    const { id, reference } = await request(["UK"]);
    await ask(reference);
    // Asked yesterday at 18:00 UTC, paid "yesterday": the day's midday is before the ask, so the
    // restart is clamped, and never falls before the pause it ends (the fee's row may be a few
    // milliseconds older than the pause).
    const yesterday = new Date(Date.now() - DAY);
    const asked = new Date(`${isoDay(yesterday)}T18:00:00.000Z`);
    await db.requestFee.updateMany({ where: { requestId: id }, data: { askedAt: asked } });
    await db.clockEvent.updateMany({
      where: { requestId: id, kind: "PAUSE" },
      data: { at: new Date(asked.getTime() + 5) },
    });
    await fees.settleFee({
      actor: staff,
      input: { reference, settlement: "PAID", receivedOn: isoDay(yesterday) },
    });
    const events = await db.clockEvent.findMany({
      where: { requestId: id },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => e.kind)).toEqual(["PAUSE", "FEE_RESTART"]);
    expect(events[1]!.at.getTime()).toBe(asked.getTime() + 6);
    const { currentDeadlines } = await import("./deadline-rule");
    const { result } = await currentDeadlines(id);
    expect(result.jurisdictions[0]!.paused).toBe(false);
    expect(result.jurisdictions[0]!.restartedBy).toBe("FEE");
  });

  it("keeps an EU request's month running and resumes it when the fee is waived", async () => {
    const { id, reference } = await request(["EU"]);
    const { dueAt: before } = await db.request.findUniqueOrThrow({ where: { id } });
    await ask(reference, { currency: "EUR", amount: "12.5", basis: "UNFOUNDED_OR_EXCESSIVE" });
    await fees.settleFee({
      actor: staff,
      input: { reference, settlement: "WAIVED", receivedOn: "" },
    });
    const after = await db.request.findUniqueOrThrow({ where: { id } });
    expect(after.status).toBe("IN_PROGRESS");
    expect(after.dueAt.toISOString()).toBe(before.toISOString());
    expect(await db.clockEvent.count({ where: { requestId: id, kind: "FEE_RESTART" } })).toBe(0);
    const fee = await db.requestFee.findFirstOrThrow({ where: { requestId: id } });
    expect(fee).toMatchObject({ settlement: "WAIVED", receivedAt: null, amountMinor: 1250 });
    expect(await db.auditEvent.count({ where: { requestId: id, action: "fee.waive" } })).toBe(1);
  });

  it("refuses a basis the law does not allow, more than the published fee, and impossible days", async () => {
    const jp = await request(["JP"]);
    await expect(ask(jp.reference)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { basis: "fees.errors.basis" },
    });
    await expect(
      ask(jp.reference, { basis: "CONFIGURED", currency: "JPY", amount: "1001" }),
    ).rejects.toMatchObject({ fieldErrors: { amount: "fees.errors.overPublished" } });
    await expect(
      ask(jp.reference, { basis: "CONFIGURED", currency: "GBP", amount: "5" }),
    ).rejects.toMatchObject({ fieldErrors: { amount: "fees.errors.overPublished" } });
    const br = await request(["JP", "BR"]);
    await expect(
      ask(br.reference, { basis: "CONFIGURED", currency: "JPY", amount: "1000" }),
    ).rejects.toMatchObject({ fieldErrors: { basis: "fees.errors.basis" } });
    // Nothing moved.
    expect((await db.request.findUniqueOrThrow({ where: { id: jp.id } })).status).toBe(
      "IN_PROGRESS",
    );
    expect(await db.requestFee.count({ where: { requestId: { in: [jp.id, br.id] } } })).toBe(0);

    await ask(jp.reference, { basis: "CONFIGURED", currency: "JPY", amount: "1000" });
    const tomorrow = isoDay(new Date(Date.now() + 2 * DAY));
    await expect(
      fees.settleFee({
        actor: staff,
        input: { reference: jp.reference, settlement: "PAID", receivedOn: tomorrow },
      }),
    ).rejects.toMatchObject({ fieldErrors: { receivedOn: "fees.errors.future" } });
    await expect(
      fees.settleFee({
        actor: staff,
        input: { reference: jp.reference, settlement: "PAID", receivedOn: "2020-01-01" },
      }),
    ).rejects.toMatchObject({ fieldErrors: { receivedOn: "fees.errors.beforeAsked" } });
    // A requester cannot ask or settle.
    await expect(
      fees.askForFee({
        actor: requester,
        input: {
          reference: jp.reference,
          basis: "CONFIGURED",
          currency: "JPY",
          amount: "1000",
          instructions: "x",
        },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      fees.settleFee({
        actor: requester,
        input: { reference: jp.reference, settlement: "WAIVED", receivedOn: "" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Paid today: Japan's ten days start again from now.
    await fees.settleFee({
      actor: staff,
      input: { reference: jp.reference, settlement: "PAID", receivedOn: isoDay(new Date()) },
    });
    const after = await db.request.findUniqueOrThrow({ where: { id: jp.id } });
    expect(after.dueAt.getTime()).toBeGreaterThan(Date.now() + 9 * DAY);
  });
});
