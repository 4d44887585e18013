import { randomBytes, randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { RelyingParty } from "@/lib/auth/webauthn-config";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { assertCredential, createCredential } from "@/scripts/lib/soft-authenticator";
import { createTestDatabase } from "@/scripts/lib/test-database";

import type { SessionWho } from "./passkeys";

// Integration: WebAuthn ceremonies against real PostgreSQL with real P-256 signatures (a software
// authenticator), recovery codes, step-up and revocation, each with its audit event.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let pk: typeof import("./passkeys");
let manage: typeof import("./manage");
let sla: typeof import("@/lib/data/policies/jp-sla");
let factor: typeof import("@/lib/auth/second-factor");

const rp: RelyingParty = {
  id: "portal.example.jp",
  name: "Test",
  origin: "https://portal.example.jp",
  secure: true,
};

/** A person signed in by mail link: a fresh database session, no passkey yet. */
async function signedInByMail(role: Role): Promise<SessionWho> {
  const user = await db.user.create({ data: { email: `${randomUUID()}@test.example.jp`, role } });
  const session = await db.session.create({
    data: {
      sessionToken: randomBytes(32).toString("hex"),
      userId: user.id,
      expires: new Date(Date.now() + 3_600_000),
    },
  });
  return {
    sessionId: session.id,
    userId: user.id,
    email: user.email,
    role,
    passkeyAt: null,
    recoveredAt: null,
    ip: "192.0.2.1",
  };
}

/** The session as the next request reads it. */
async function reread(who: SessionWho): Promise<SessionWho> {
  const s = await db.session.findUniqueOrThrow({ where: { id: who.sessionId } });
  return { ...who, passkeyAt: s.passkeyAt, recoveredAt: s.recoveredAt };
}

const actorOf = (who: SessionWho): Actor => ({
  userId: who.userId,
  role: who.role,
  email: who.email,
  ip: who.ip,
  passkeyAt: who.passkeyAt,
});

async function register(who: SessionWho) {
  const { challengeId, options } = await pk.registrationOptions(db, rp, who);
  const { credential, response } = createCredential(options, rp.origin);
  const result = await pk.verifyRegistration(db, rp, who, {
    challengeId,
    response: response as never,
    name: "Work laptop",
  });
  return { credential, result };
}

const audits = (userId: string) =>
  db.auditEvent.findMany({ where: { actorId: userId }, orderBy: { id: "asc" } });

beforeAll(async () => {
  testDb = await createTestDatabase({ prefix: "passkeys" });
  process.env.DATABASE_URL = testDb.url;
  db = (await import("@/lib/db")).getDb();
  pk = await import("./passkeys");
  manage = await import("./manage");
  sla = await import("@/lib/data/policies/jp-sla");
  factor = await import("@/lib/auth/second-factor");
});

afterAll(async () => {
  await db?.$disconnect();
  await testDb?.drop();
});

describe("registration", () => {
  it("registers a staff member's first passkey, confirms the session and gives ten codes once", async () => {
    const staff = await signedInByMail("STAFF");
    const { result } = await register(staff);
    expect(result.recoveryCodes).toHaveLength(10);
    expect(new Set(result.recoveryCodes).size).toBe(10);
    // Stored as hashes only.
    const stored = await db.recoveryCode.findMany({ where: { userId: staff.userId } });
    expect(stored).toHaveLength(10);
    for (const code of result.recoveryCodes!)
      expect(stored.some((s) => s.codeHash.includes(code))).toBe(false);
    expect((await reread(staff)).passkeyAt).not.toBeNull();
    const passkey = await db.passkey.findFirstOrThrow({ where: { userId: staff.userId } });
    expect(passkey).toMatchObject({ name: "Work laptop", transports: ["internal"] });
    expect((await audits(staff.userId)).map((a) => a.action)).toEqual(["passkey.registered"]);

    // A second passkey, with the session confirmed, brings no new codes.
    const again = await register(await reread(staff));
    expect(again.result.recoveryCodes).toBeNull();
  });

  it("gives subjects no recovery codes (mail is their way back)", async () => {
    const subject = await signedInByMail("SUBJECT");
    const { result } = await register(subject);
    expect(result.recoveryCodes).toBeNull();
  });

  it("lets a mail link alone add no second passkey to a staff account", async () => {
    const staff = await signedInByMail("MANAGER");
    await register(staff);
    const other = await db.session.create({
      data: {
        sessionToken: randomBytes(32).toString("hex"),
        userId: staff.userId,
        expires: new Date(Date.now() + 3_600_000),
      },
    });
    const mailOnly = { ...staff, sessionId: other.id, passkeyAt: null };
    await expect(pk.registrationOptions(db, rp, mailOnly)).rejects.toMatchObject({
      code: "STEP_UP_REQUIRED",
    });
  });

  it("uses a challenge once, refuses an expired one, and refuses a foreign origin", async () => {
    const staff = await signedInByMail("STAFF");
    const { challengeId, options } = await pk.registrationOptions(db, rp, staff);
    const foreign = createCredential(options, "https://evil.example");
    await expect(
      pk.verifyRegistration(db, rp, staff, {
        challengeId,
        response: foreign.response as never,
        name: "x",
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", messageKey: "passkeys.errors.failed" });
    // The challenge went with that attempt.
    const good = createCredential(options, rp.origin);
    await expect(
      pk.verifyRegistration(db, rp, staff, {
        challengeId,
        response: good.response as never,
        name: "x",
      }),
    ).rejects.toMatchObject({ messageKey: "passkeys.errors.expired" });

    const late = await pk.registrationOptions(db, rp, staff);
    await db.webAuthnChallenge.update({
      where: { id: late.challengeId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const lateCredential = createCredential(late.options, rp.origin);
    await expect(
      pk.verifyRegistration(db, rp, staff, {
        challengeId: late.challengeId,
        response: lateCredential.response as never,
        name: "x",
      }),
    ).rejects.toMatchObject({ messageKey: "passkeys.errors.expired" });
    expect((await audits(staff.userId)).map((a) => a.action)).toEqual(["passkey.failed"]);
    expect(await db.passkey.count({ where: { userId: staff.userId } })).toBe(0);
  });

  it("refuses an authenticator that did not verify the user", async () => {
    const staff = await signedInByMail("STAFF");
    const { challengeId, options } = await pk.registrationOptions(db, rp, staff);
    const { response } = createCredential(options, rp.origin, { uv: false });
    await expect(
      pk.verifyRegistration(db, rp, staff, { challengeId, response: response as never, name: "x" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("assertion", () => {
  it("confirms the second factor of a later mail sign-in, moving the counter", async () => {
    const first = await signedInByMail("STAFF");
    const { credential } = await register(first);
    const later = await db.session.create({
      data: {
        sessionToken: randomBytes(32).toString("hex"),
        userId: first.userId,
        expires: new Date(Date.now() + 3_600_000),
      },
    });
    const who = { ...first, sessionId: later.id, passkeyAt: null };
    expect(factor.secondFactorDone("STAFF", who)).toBe(false);
    const { challengeId, options } = await pk.authenticationOptions(db, rp, who);
    expect(options.allowCredentials).toHaveLength(1);
    const response = assertCredential(credential, { challenge: options.challenge }, rp.origin);
    expect(
      await pk.verifyAuthentication(
        db,
        rp,
        { challengeId, response: response as never },
        who,
        null,
      ),
    ).toEqual({ kind: "session", userId: first.userId });
    const confirmed = await reread(who);
    expect(factor.secondFactorDone("STAFF", confirmed)).toBe(true);
    expect(factor.hasRecentPasskey(confirmed)).toBe(true);
    expect((await db.passkey.findFirstOrThrow({ where: { userId: first.userId } })).counter).toBe(
      1n,
    );

    // The same answer again (a replay, with a fresh challenge) fails and is audited.
    const next = await pk.authenticationOptions(db, rp, who);
    await expect(
      pk.verifyAuthentication(
        db,
        rp,
        { challengeId: next.challengeId, response: response as never },
        who,
        null,
      ),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    // A cloned authenticator whose counter went backwards fails too.
    const third = await pk.authenticationOptions(db, rp, who);
    const cloned = assertCredential(credential, { challenge: third.options.challenge }, rp.origin, {
      counter: 1,
    });
    await expect(
      pk.verifyAuthentication(
        db,
        rp,
        { challengeId: third.challengeId, response: cloned as never },
        who,
        null,
      ),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const actions = (await audits(first.userId)).map((a) => a.action);
    expect(actions).toEqual([
      "passkey.registered",
      "passkey.used",
      "passkey.failed",
      "passkey.failed",
    ]);
  });

  it("does not let one person's passkey confirm another's session", async () => {
    const owner = await signedInByMail("STAFF");
    const { credential } = await register(owner);
    const other = await signedInByMail("STAFF");
    await register(other);
    const { challengeId, options } = await pk.authenticationOptions(db, rp, other);
    const response = assertCredential(credential, { challenge: options.challenge }, rp.origin);
    await expect(
      pk.verifyAuthentication(db, rp, { challengeId, response: response as never }, other, null),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("signs a person in without mail, opening a confirmed session", async () => {
    const subject = await signedInByMail("SUBJECT");
    const { credential } = await register(subject);
    const { challengeId, options } = await pk.authenticationOptions(db, rp, null);
    expect(options.allowCredentials ?? []).toHaveLength(0);
    const response = assertCredential(credential, { challenge: options.challenge }, rp.origin);
    const result = await pk.verifyAuthentication(
      db,
      rp,
      { challengeId, response: response as never },
      null,
      "192.0.2.9",
    );
    expect(result.kind).toBe("signed-in");
    if (result.kind !== "signed-in") return;
    const session = await db.session.findUniqueOrThrow({
      where: { sessionToken: result.sessionToken },
    });
    expect(session.userId).toBe(subject.userId);
    expect(session.passkeyAt).not.toBeNull();
  });

  it("accepts a signature whose r or s is shorter than 32 bytes, as one in 128 real ones is", async () => {
    const subject = await signedInByMail("SUBJECT");
    const { credential } = await register(subject);
    for (let attempt = 0; attempt < 3; attempt++) {
      const { challengeId, options } = await pk.authenticationOptions(db, rp, null);
      const response = assertCredential(credential, { challenge: options.challenge }, rp.origin, {
        shortInteger: true,
      });
      const result = await pk.verifyAuthentication(
        db,
        rp,
        { challengeId, response: response as never },
        null,
        null,
      );
      expect(result).toMatchObject({ kind: "signed-in", userId: subject.userId });
    }
  });
});

describe("recovery codes", () => {
  it("stand in once for a lost passkey, then allow registering a new one", async () => {
    const staff = await signedInByMail("ADMIN");
    const { result } = await register(staff);
    const lostDevice = await db.session.create({
      data: {
        sessionToken: randomBytes(32).toString("hex"),
        userId: staff.userId,
        expires: new Date(Date.now() + 3_600_000),
      },
    });
    const who = { ...staff, sessionId: lostDevice.id, passkeyAt: null };
    const code = result.recoveryCodes![3]!;
    await expect(pk.redeemRecoveryCode(db, who, "zzzzz-zzzzz")).rejects.toMatchObject({
      messageKey: "passkeys.errors.badRecoveryCode",
    });
    expect(await pk.redeemRecoveryCode(db, who, ` ${code.toUpperCase()} `)).toEqual({
      remaining: 9,
    });
    await expect(pk.redeemRecoveryCode(db, who, code)).rejects.toMatchObject({
      messageKey: "passkeys.errors.badRecoveryCode",
    });
    const recovered = await reread(who);
    expect(factor.secondFactorDone("ADMIN", recovered)).toBe(true);
    // A recovery code is no passkey: step-up still asks for one.
    expect(factor.hasRecentPasskey(recovered)).toBe(false);
    expect(pk.mayRegister(recovered, 1)).toBe(true);
    await register(recovered);
    expect((await audits(staff.userId)).map((a) => a.action)).toEqual([
      "passkey.registered",
      "passkey.failed",
      "passkey.recovered",
      "passkey.failed",
      "passkey.registered",
    ]);
  });

  it("are renewed only after a passkey confirmation", async () => {
    const staff = await signedInByMail("STAFF");
    const { result } = await register(staff);
    await expect(pk.renewRecoveryCodes(db, { ...staff, passkeyAt: null })).rejects.toMatchObject({
      code: "STEP_UP_REQUIRED",
    });
    const fresh = await pk.renewRecoveryCodes(db, await reread(staff));
    expect(fresh).toHaveLength(10);
    const lostDevice = await db.session.create({
      data: {
        sessionToken: randomBytes(32).toString("hex"),
        userId: staff.userId,
        expires: new Date(Date.now() + 3_600_000),
      },
    });
    // The old codes stopped working.
    await expect(
      pk.redeemRecoveryCode(db, { ...staff, sessionId: lostDevice.id }, result.recoveryCodes![0]!),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("step-up and management", () => {
  it("asks for a passkey within 10 minutes before a settings change", async () => {
    const manager = await signedInByMail("MANAGER");
    await register(manager);
    const actor = actorOf(await reread(manager));
    await sla.setJpSla({ actor, days: 12 });
    const stale = { ...actor, passkeyAt: new Date(Date.now() - 11 * 60_000) };
    await expect(sla.setJpSla({ actor: stale, days: 9 })).rejects.toMatchObject({
      code: "STEP_UP_REQUIRED",
    });
    expect((await sla.getJpSla({ actor })).amount).toBe(12);
  });

  it("keeps staff at one passkey at least, while subjects may remove their last", async () => {
    const staff = await signedInByMail("ADMIN");
    await register(staff);
    const actor = actorOf(await reread(staff));
    const [only] = (await manage.listOwnPasskeys(db, actor)).passkeys;
    await expect(manage.removeOwnPasskey(db, actor, only!.id)).rejects.toMatchObject({
      messageKey: "passkeys.errors.keepOne",
    });
    await expect(
      manage.removeOwnPasskey(db, { ...actor, passkeyAt: null }, only!.id),
    ).rejects.toMatchObject({ code: "STEP_UP_REQUIRED" });

    const subject = await signedInByMail("SUBJECT");
    await register(subject);
    const mine = actorOf(subject);
    const [last] = (await manage.listOwnPasskeys(db, mine)).passkeys;
    // Someone else's passkey is not found.
    await expect(manage.removeOwnPasskey(db, mine, only!.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await manage.removeOwnPasskey(db, mine, last!.id);
    expect((await manage.listOwnPasskeys(db, mine)).passkeys).toHaveLength(0);
  });

  it("lets an admin revoke another's passkeys, never their own nor the last admin's", async () => {
    const admin = await signedInByMail("ADMIN");
    await register(admin);
    const adminActor = actorOf(await reread(admin));
    const staff = await signedInByMail("STAFF");
    await register(staff);

    const manager = await signedInByMail("MANAGER");
    await register(manager);
    await expect(
      manage.revokePasskeys(db, actorOf(await reread(manager)), staff.userId),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      manage.revokePasskeys(db, { ...adminActor, passkeyAt: null }, staff.userId),
    ).rejects.toMatchObject({ code: "STEP_UP_REQUIRED" });
    await expect(manage.revokePasskeys(db, adminActor, admin.userId)).rejects.toMatchObject({
      messageKey: "passkeys.errors.notOwn",
    });

    expect(await manage.revokePasskeys(db, adminActor, staff.userId)).toBe(1);
    expect(await db.passkey.count({ where: { userId: staff.userId } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: staff.userId } })).toBe(0);
    expect(await db.session.count({ where: { userId: staff.userId } })).toBe(0);
    const revoked = await db.auditEvent.findFirstOrThrow({
      where: { action: "passkey.revoked", entityId: staff.userId },
    });
    expect(revoked.actorId).toBe(admin.userId);

    // The last admin: whoever asks (here an actor whose admin role was taken away meanwhile).
    await db.user.updateMany({
      where: { role: "ADMIN", id: { not: admin.userId } },
      data: { role: "STAFF" },
    });
    const formerAdmin = await signedInByMail("STAFF");
    await db.user.update({ where: { id: formerAdmin.userId }, data: { role: "STAFF" } });
    await expect(
      manage.revokePasskeys(
        db,
        { ...actorOf(formerAdmin), role: "ADMIN", passkeyAt: new Date() },
        admin.userId,
      ),
    ).rejects.toMatchObject({ messageKey: "passkeys.errors.lastAdmin" });
    expect(await db.passkey.count({ where: { userId: admin.userId } })).toBe(1);
  });
});
