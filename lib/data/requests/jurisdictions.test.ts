import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { Residence } from "@/lib/requests/jurisdiction";
import { ZSetJurisdictions } from "@/lib/validation/jurisdictions";
import type { TNewRequest } from "@/lib/validation/requests";
import { deadlinePolicies } from "@/prisma/seed/organisation";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: which law a request answers to, from where the person lives and where the
// organisation is established, each jurisdiction's clock, and staff's change of the set.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let mod: {
  create: typeof import("./create-request");
  enter: typeof import("./enter-request");
  law: typeof import("./jurisdictions");
  boss: typeof import("@/lib/jobs/boss");
};

async function person(role: Actor["role"], withSubject = false): Promise<Actor> {
  const user = await db.user.create({ data: { email: `${randomUUID()}@test.example.jp`, role } });
  if (withSubject)
    await db.subject.create({
      data: { userId: user.id, familyName: "試験", givenName: "花子", email: user.email },
    });
  return { userId: user.id, role, email: user.email, ip: "127.0.0.1", passkeyAt: new Date() };
}

const nobody = {
  familyName: "",
  givenName: "",
  familyNameKana: "",
  givenNameKana: "",
  birthDate: "",
};
const filing = (residence: Residence): TNewRequest => ({
  type: "DISCLOSURE",
  idempotencyKey: randomUUID(),
  filerRole: "SELF",
  residence,
  subject: { ...nobody, relationship: "" },
  requester: { ...nobody, familyName: "試験", givenName: "花子" },
  note: "",
  details: { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" },
});

async function file(residence: Residence) {
  const subject = await person("SUBJECT", true);
  const { reference } = await mod.create.createRequest({
    actor: subject,
    input: filing(residence),
    locale: "ja",
  });
  const request = await db.request.findUniqueOrThrow({ where: { reference } });
  return { subject, reference, request };
}

const DAY = 86_400_000;

beforeAll(async () => {
  testDb = await createTestDatabase({ prefix: "jurisdictions" });
  process.env.DATABASE_URL = testDb.url;
  db = (await import("@/lib/db")).getDb();
  mod = {
    create: await import("./create-request"),
    enter: await import("./enter-request"),
    law: await import("./jurisdictions"),
    boss: await import("@/lib/jobs/boss"),
  };
  await db.deadlinePolicy.createMany({ data: [...deadlinePolicies] });
});

afterAll(async () => {
  await (await mod.boss.getBoss()).stop({ graceful: false });
  await db.$disconnect();
  await testDb.drop();
});

describe("filing from where the person lives", () => {
  it("adds the GDPR for a resident of France to APPI, the earliest deadline governing", async () => {
    const { subject, request } = await file({ country: "FR", region: "" });
    expect(request.jurisdictions).toEqual(["JP", "EU"]);
    expect(request.jurisdictionReasons).toEqual({ JP: "ESTABLISHMENT", EU: "RESIDENCE" });
    expect(request).toMatchObject({ residenceCountry: "FR", residenceRegion: null });
    // JP: 10 calendar days; EU: one month. JP governs.
    const days = (request.dueAt.getTime() - request.receivedAt.getTime()) / DAY;
    expect(days).toBeGreaterThan(9);
    expect(days).toBeLessThan(11);
    // The residence is kept for the next form, with an audit event.
    const stored = await db.subject.findUniqueOrThrow({ where: { userId: subject.userId } });
    expect(stored).toMatchObject({ residenceCountry: "FR", residenceRegion: null });
    expect(
      await db.auditEvent.count({
        where: { action: "subject.update", entityId: stored.id, actorId: subject.userId },
      }),
    ).toBe(1);
  });

  it("adds the CCPA for California with its acknowledgement, nothing for another US state", async () => {
    const california = await file({ country: "US", region: "CA" });
    expect(california.request.jurisdictions).toEqual(["JP", "US_CA"]);
    expect(california.request.ackDueAt).not.toBeNull();
    const texas = await file({ country: "US", region: "OTHER" });
    expect(texas.request.jurisdictions).toEqual(["JP"]);
    expect(texas.request.ackDueAt).toBeNull();
  });

  it("maps the UK, Korea and Brazil, and nothing more for a Japanese resident", async () => {
    expect((await file({ country: "GB", region: "" })).request.jurisdictions).toEqual(["JP", "UK"]);
    expect((await file({ country: "KR", region: "" })).request.jurisdictions).toEqual(["JP", "KR"]);
    expect((await file({ country: "BR", region: "" })).request.jurisdictions).toEqual(["JP", "BR"]);
    const home = await file({ country: "JP", region: "" });
    expect(home.request.jurisdictions).toEqual(["JP"]);
    expect(home.request.jurisdictionReasons).toEqual({ JP: "ESTABLISHMENT" });
  });

  it("applies every establishment configured for the organisation", async () => {
    await db.organisation.upsert({
      where: { id: "org" },
      create: { id: "org", nameJa: "試験", nameEn: "Test", establishments: ["JP", "EU"] },
      update: { establishments: ["JP", "EU"] },
    });
    const { request } = await file({ country: "JP", region: "" });
    expect(request.jurisdictionReasons).toEqual({ JP: "ESTABLISHMENT", EU: "ESTABLISHMENT" });
    await db.organisation.update({ where: { id: "org" }, data: { establishments: ["JP"] } });
  });

  it("records the residence staff enter for a request that came by post", async () => {
    const staff = await person("STAFF");
    const { reference } = await mod.enter.enterRequest({
      actor: staff,
      input: {
        ...filing({ country: "DE", region: "" }),
        channel: "POST",
        receivedOn: new Date().toISOString().slice(0, 10),
        locale: "ja",
        email: "",
        postalCode: "",
        address: "",
      } as never,
    });
    const request = await db.request.findUniqueOrThrow({ where: { reference } });
    expect(request.jurisdictions).toEqual(["JP", "EU"]);
    expect(request.residenceCountry).toBe("DE");
  });
});

describe("staff and the applicable law", () => {
  it("see every clock with its reason, the earliest governing", async () => {
    const staff = await person("STAFF");
    const { reference } = await file({ country: "GB", region: "" });
    const state = await mod.law.getJurisdictionState({ actor: staff, reference });
    expect(state?.governing).toBe("JP");
    expect(state?.residence).toEqual({ country: "GB", region: "" });
    expect(state?.clocks.map((c) => [c.jurisdiction, c.reason])).toEqual([
      ["JP", "ESTABLISHMENT"],
      ["UK", "RESIDENCE"],
    ]);
    const [jp, uk] = state!.clocks;
    expect(uk!.dueAt.getTime()).toBeGreaterThan(jp!.dueAt.getTime());
    // Subjects do not read this.
    expect(
      await mod.law.getJurisdictionState({ actor: await person("SUBJECT"), reference }),
    ).toBeNull();
  });

  it("change the set with a reason: audited, an internal event, the deadline follows", async () => {
    const staff = await person("STAFF");
    const { reference, request } = await file({ country: "JP", region: "" });
    await mod.law.setJurisdictions({
      actor: staff,
      input: { reference, jurisdictions: ["JP", "US_CA"], note: "カリフォルニア在住と電話で確認" },
    });
    const after = await db.request.findUniqueOrThrow({ where: { id: request.id } });
    expect(after.jurisdictions).toEqual(["JP", "US_CA"]);
    expect(after.jurisdictionReasons).toEqual({ JP: "ESTABLISHMENT", US_CA: "STAFF" });
    expect(after.ackDueAt).not.toBeNull();

    // Only the EU: the due date moves to one month.
    await mod.law.setJurisdictions({
      actor: staff,
      input: { reference, jurisdictions: ["EU"], note: "日本の法律は適用外と判断" },
    });
    const eu = await db.request.findUniqueOrThrow({ where: { id: request.id } });
    expect((eu.dueAt.getTime() - eu.receivedAt.getTime()) / DAY).toBeGreaterThan(27);
    const events = await db.requestEvent.findMany({
      where: { requestId: request.id, kind: "jurisdictionsChanged" },
    });
    expect(events).toHaveLength(2);
    expect(events.every((e) => !e.visibleToRequester)).toBe(true);
    const audits = await db.auditEvent.findMany({
      where: { requestId: request.id, action: "request.jurisdictions" },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.data)).toEqual([
      { from: "JP", to: "JP,US_CA" },
      { from: "JP,US_CA", to: "EU" },
    ]);
  });

  it("refuse an empty set or no reason, a subject, and a closed request", async () => {
    const { reference, request, subject } = await file({ country: "JP", region: "" });
    expect(ZSetJurisdictions.safeParse({ reference, jurisdictions: [], note: "x" }).success).toBe(
      false,
    );
    expect(
      ZSetJurisdictions.safeParse({ reference, jurisdictions: ["EU"], note: " " }).success,
    ).toBe(false);
    await expect(
      mod.law.setJurisdictions({
        actor: subject,
        input: { reference, jurisdictions: ["EU"], note: "x" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await db.request.update({ where: { id: request.id }, data: { status: "COMPLETED" } });
    await expect(
      mod.law.setJurisdictions({
        actor: await person("STAFF"),
        input: { reference, jurisdictions: ["EU"], note: "x" },
      }),
    ).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
  });
});
