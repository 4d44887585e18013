import { createHash, randomBytes } from "node:crypto";

import {
  type AuthenticatorTransportFuture,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";

import { recordAudit } from "@/lib/audit/record";
import { needsSecondFactor, withinStepUp } from "@/lib/auth/second-factor";
import { SESSION_MAX_AGE_S } from "@/lib/auth/session";
import type { RelyingParty } from "@/lib/auth/webauthn-config";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

// WebAuthn ceremonies (issue 13): registration and assertion with @simplewebauthn/server, the
// challenge kept in the database and taken once, one-time recovery codes stored as hashes, and an
// audit event for every registration, use, failure and recovery.

type RegistrationJSON = Parameters<typeof verifyRegistrationResponse>[0]["response"];
type AuthenticationJSON = Parameters<typeof verifyAuthenticationResponse>[0]["response"];

const CHALLENGE_MS = 5 * 60 * 1000;
export const RECOVERY_CODE_COUNT = 10;

/** The signed-in session a ceremony belongs to. */
export interface SessionWho {
  sessionId: string;
  userId: string;
  email: string;
  role: Role;
  passkeyAt: Date | null;
  recoveredAt: Date | null;
  ip: string | null;
}

function failed(
  messageKey: "passkeys.errors.failed" | "passkeys.errors.expired" = "passkeys.errors.failed",
) {
  return new AppError("INVALID_INPUT", messageKey);
}

async function auditFailure(
  db: Db,
  input: { userId: string | null; role: Role | null; ip: string | null; step: string },
) {
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actorId: input.userId,
      actorRole: input.role,
      action: "passkey.failed",
      entityType: "User",
      entityId: input.userId ?? "unknown",
      ip: input.ip,
      data: { step: input.step },
    }),
  );
}

/** Takes a challenge once: it is deleted as it is read, and only if it has not expired. */
async function takeChallenge(
  db: Db,
  input: { challengeId: string; purpose: "REGISTER" | "AUTHENTICATE"; userId: string | null },
): Promise<string | null> {
  const rows = await db.$queryRaw<{ challenge: string }[]>`
    DELETE FROM "WebAuthnChallenge"
    WHERE id = ${input.challengeId} AND purpose = ${input.purpose}
      AND "userId" IS NOT DISTINCT FROM ${input.userId} AND "expiresAt" > now()
    RETURNING challenge`;
  return rows[0]?.challenge ?? null;
}

async function saveChallenge(
  db: Db,
  input: { challenge: string; purpose: "REGISTER" | "AUTHENTICATE"; userId: string | null },
): Promise<string> {
  const row = await db.webAuthnChallenge.create({
    data: { ...input, expiresAt: new Date(Date.now() + CHALLENGE_MS) },
    select: { id: true },
  });
  return row.id;
}

export const hashRecoveryCode = (code: string) =>
  createHash("sha256").update(code.replace(/[\s-]/g, "").toLowerCase()).digest("hex");

/** Ten codes of 10 base32 characters each (50 bits), shown as xxxxx-xxxxx. */
function newRecoveryCodes(): string[] {
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })),
  });
  return codes;
}

/**
 * Whether this session may register a passkey: the first one always (for staff that is their
 * first sign-in, the mail link being the first factor); another one, for staff, only with a
 * passkey or a recovery code used in the last 10 minutes, so a mail link alone never adds one.
 */
export function mayRegister(who: SessionWho, passkeyCount: number, now = new Date()): boolean {
  if (passkeyCount === 0) return true;
  if (!needsSecondFactor(who.role)) return true;
  return withinStepUp(who.passkeyAt, now) || withinStepUp(who.recoveredAt, now);
}

export async function registrationOptions(db: Db, rp: RelyingParty, who: SessionWho) {
  const existing = await db.passkey.findMany({
    where: { userId: who.userId },
    select: { credentialId: true, transports: true },
  });
  if (!mayRegister(who, existing.length)) throw new AppError("STEP_UP_REQUIRED");
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    // The user handle stays the UTF-8 bytes of the user's id, as it was before v10 of the library,
    // so a device that already holds a passkey for this account replaces rather than duplicates it.
    userID: new TextEncoder().encode(who.userId),
    userName: who.email,
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({
      id: p.credentialId,
      transports: p.transports as AuthenticatorTransportFuture[],
    })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  const challengeId = await saveChallenge(db, {
    challenge: options.challenge,
    purpose: "REGISTER",
    userId: who.userId,
  });
  return { challengeId, options };
}

/**
 * Stores the new passkey and marks the session as having used one. The first passkey of a staff
 * account comes with recovery codes, returned here and never again.
 */
export async function verifyRegistration(
  db: Db,
  rp: RelyingParty,
  who: SessionWho,
  input: { challengeId: string; response: RegistrationJSON; name: string },
): Promise<{ passkeyId: string; recoveryCodes: string[] | null }> {
  const count = await db.passkey.count({ where: { userId: who.userId } });
  if (!mayRegister(who, count)) throw new AppError("STEP_UP_REQUIRED");
  const challenge = await takeChallenge(db, {
    challengeId: input.challengeId,
    purpose: "REGISTER",
    userId: who.userId,
  });
  if (!challenge) throw failed("passkeys.errors.expired");
  const verification = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: true,
  }).catch(() => null);
  const info = verification?.verified ? verification.registrationInfo : undefined;
  if (!info) {
    await auditFailure(db, { userId: who.userId, role: who.role, ip: who.ip, step: "register" });
    throw failed();
  }
  const credentialId = info.credential.id;
  if (await db.passkey.findUnique({ where: { credentialId }, select: { id: true } }))
    throw new AppError("CONFLICT", "passkeys.errors.alreadyRegistered");

  return db.$transaction(async (tx) => {
    const passkey = await tx.passkey.create({
      data: {
        userId: who.userId,
        credentialId,
        publicKey: Buffer.from(info.credential.publicKey),
        counter: BigInt(info.credential.counter),
        transports: input.response.response.transports ?? [],
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
        name: input.name,
        lastUsedAt: new Date(),
      },
      select: { id: true },
    });
    // Registering with user verification proves the passkey as an assertion would.
    await tx.session.update({ where: { id: who.sessionId }, data: { passkeyAt: new Date() } });
    const codesLeft = await tx.recoveryCode.count({
      where: { userId: who.userId, usedAt: null },
    });
    const recoveryCodes =
      needsSecondFactor(who.role) && codesLeft === 0
        ? await replaceRecoveryCodes(tx, who.userId)
        : null;
    await recordAudit(tx, {
      actorId: who.userId,
      actorRole: who.role,
      action: "passkey.registered",
      entityType: "Passkey",
      entityId: passkey.id,
      ip: who.ip,
      data: { first: count === 0, recoveryCodes: recoveryCodes !== null },
    });
    return { passkeyId: passkey.id, recoveryCodes };
  });
}

/** Options for an assertion: the session's own passkeys, or any discoverable one to sign in. */
export async function authenticationOptions(
  db: Db,
  rp: RelyingParty,
  who: { userId: string } | null,
) {
  const allow = who
    ? await db.passkey.findMany({
        where: { userId: who.userId },
        select: { credentialId: true, transports: true },
      })
    : [];
  if (who && allow.length === 0) throw new AppError("NOT_FOUND", "passkeys.errors.none");
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    userVerification: "required",
    allowCredentials: allow.map((p) => ({
      id: p.credentialId,
      transports: p.transports as AuthenticatorTransportFuture[],
    })),
  });
  const challengeId = await saveChallenge(db, {
    challenge: options.challenge,
    purpose: "AUTHENTICATE",
    userId: who?.userId ?? null,
  });
  return { challengeId, options };
}

export type AssertionResult =
  | { kind: "session"; userId: string }
  | { kind: "signed-in"; userId: string; sessionToken: string; expires: Date };

/**
 * Checks an assertion. With a session (`who`), the passkey must be that person's, and the session
 * is marked as confirmed now (second factor, step-up, re-authentication). Without one, a new
 * session is opened for the passkey's owner: a passkey asserted with user verification is both
 * factors at once, so staff may sign in with it alone (the mail link is then the way in for a
 * first registration, or with a recovery code when the passkey is lost).
 */
export async function verifyAuthentication(
  db: Db,
  rp: RelyingParty,
  input: { challengeId: string; response: AuthenticationJSON },
  who: SessionWho | null,
  ip: string | null,
): Promise<AssertionResult> {
  const challenge = await takeChallenge(db, {
    challengeId: input.challengeId,
    purpose: "AUTHENTICATE",
    userId: who?.userId ?? null,
  });
  if (!challenge) throw failed("passkeys.errors.expired");
  const passkey = await db.passkey.findUnique({
    where: { credentialId: input.response.id },
    include: { user: { select: { role: true } } },
  });
  const owner = passkey && (!who || passkey.userId === who.userId) ? passkey : null;
  const verification = owner
    ? await verifyAuthenticationResponse({
        response: input.response,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        requireUserVerification: true,
        credential: {
          id: owner.credentialId,
          publicKey: new Uint8Array(owner.publicKey),
          counter: Number(owner.counter),
          transports: owner.transports as AuthenticatorTransportFuture[],
        },
      }).catch(() => null)
    : null;
  if (!owner || !verification?.verified) {
    await auditFailure(db, {
      userId: who?.userId ?? owner?.userId ?? null,
      role: who?.role ?? owner?.user.role ?? null,
      ip,
      step: who ? "assert" : "sign-in",
    });
    throw failed();
  }
  const now = new Date();
  const newCounter = BigInt(verification.authenticationInfo.newCounter);
  return db.$transaction(async (tx) => {
    // Conditional on the counter read above, so a replayed assertion racing this one loses.
    const moved = await tx.passkey.updateMany({
      where: { id: owner.id, counter: owner.counter },
      data: {
        counter: newCounter,
        lastUsedAt: now,
        backedUp: verification.authenticationInfo.credentialBackedUp,
      },
    });
    if (moved.count !== 1) throw failed();
    let result: AssertionResult;
    if (who) {
      await tx.session.update({
        where: { id: who.sessionId },
        data: { passkeyAt: now, authenticatedAt: now },
      });
      result = { kind: "session", userId: owner.userId };
    } else {
      const sessionToken = randomBytes(32).toString("hex");
      const expires = new Date(now.getTime() + SESSION_MAX_AGE_S * 1000);
      await tx.session.create({
        data: {
          sessionToken,
          userId: owner.userId,
          expires,
          authenticatedAt: now,
          passkeyAt: now,
        },
      });
      result = { kind: "signed-in", userId: owner.userId, sessionToken, expires };
    }
    await recordAudit(tx, {
      actorId: owner.userId,
      actorRole: owner.user.role,
      action: "passkey.used",
      entityType: "Passkey",
      entityId: owner.id,
      ip,
      data: { purpose: who ? "confirm" : "sign-in" },
    });
    return result;
  });
}

/**
 * A recovery code in place of a lost passkey: used once, it lets this session act (and register a
 * new passkey in the next 10 minutes). It is no passkey assertion, so step-up still asks for one.
 */
export async function redeemRecoveryCode(
  db: Db,
  who: SessionWho,
  code: string,
): Promise<{ remaining: number }> {
  const now = new Date();
  const outcome = await db.$transaction(async (tx) => {
    const used = await tx.recoveryCode.updateMany({
      where: { userId: who.userId, codeHash: hashRecoveryCode(code), usedAt: null },
      data: { usedAt: now },
    });
    if (used.count !== 1) return null;
    await tx.session.update({ where: { id: who.sessionId }, data: { recoveredAt: now } });
    const remaining = await tx.recoveryCode.count({ where: { userId: who.userId, usedAt: null } });
    await recordAudit(tx, {
      actorId: who.userId,
      actorRole: who.role,
      action: "passkey.recovered",
      entityType: "User",
      entityId: who.userId,
      ip: who.ip,
      data: { remaining },
    });
    return { remaining };
  });
  if (!outcome) {
    await auditFailure(db, { userId: who.userId, role: who.role, ip: who.ip, step: "recovery" });
    throw new AppError("INVALID_INPUT", "passkeys.errors.badRecoveryCode");
  }
  return outcome;
}

/** New recovery codes (the old ones stop working), after a passkey confirmation. */
export async function renewRecoveryCodes(db: Db, who: SessionWho): Promise<string[]> {
  if (!withinStepUp(who.passkeyAt)) throw new AppError("STEP_UP_REQUIRED");
  return db.$transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, who.userId);
    await recordAudit(tx, {
      actorId: who.userId,
      actorRole: who.role,
      action: "passkey.recovery-codes-renewed",
      entityType: "User",
      entityId: who.userId,
      ip: who.ip,
    });
    return codes;
  });
}
