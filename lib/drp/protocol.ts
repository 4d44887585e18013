import { createHash, randomBytes } from "node:crypto";

import { recordAudit } from "@/lib/audit/record";
import { getDb, type Tx } from "@/lib/db";
import { applicableLaw } from "@/lib/data/requests/applicable-law";
import { initialDeadlines } from "@/lib/data/requests/deadline-rule";
import { runLegalClock } from "@/lib/data/requests/legal-clock";
import { nextReference } from "@/lib/data/requests/reference";
import { getEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { isOpen } from "@/lib/requests/lifecycle";

import { exerciseToRequest, readExercise, type DrpExercise } from "./exercise";
import { parseVerifyKey } from "./keys";
import { openSigned, type Opened } from "./signature";
import { type ExerciseStatus } from "./status";
import { exerciseStatusById, STATUS_SELECT, statusOf } from "./status-query";
import { parseDrpTime } from "./time";

// The covered business's side of the Data Rights Protocol 0.9 (consumer-reports-innovation-lab/
// data-rights-protocol): the agent's pair-wise token (§2.05, §2.06) and the data rights requests
// it files, reads and revokes (§2.01, §2.02, §2.04). Each function returns the HTTP answer; the
// route handlers under app/api/drp only carry it. Every check of §3.07 happens here, in its order:
// the body decodes, the signature verifies with the key of the agent the token (or, for §2.05,
// the URL) names, the message names that agent and this business, was issued by now and has not
// expired. A refused registration answers 403 with no body, as §2.05 says; other refusals carry
// DRP's error object (§3.06).

export interface DrpAnswer {
  status: number;
  body: object | null;
}

/** Clocks differ: a message "issued" this far in the future is still accepted. */
const CLOCK_SKEW_MS = 60_000;
/** DRP recommends 15 minutes (0.9) or 10 (1.0); a longer validity is a replay window we refuse. */
export const MAX_VALIDITY_MS = 60 * 60_000;

const FORBIDDEN: DrpAnswer = { status: 403, body: null };
const SYSTEM_ROLE = "DRP_AGENT";

function failure(code: number, message: string, fatal = false): DrpAnswer {
  return { status: code, body: { code: String(code), message, ...(fatal ? { fatal: true } : {}) } };
}

/** The business-id this portal answers to; null turns DRP off (the routes answer 404). */
export function drpBusinessId(): string | null {
  return getEnv().DRP_BUSINESS_ID ?? null;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export function bearerToken(header: string | null): string | null {
  const match = /^Bearer ([A-Za-z0-9=+\-_/.~]{16,200})$/.exec(header?.trim() ?? "");
  return match?.[1] ?? null;
}

interface Agent {
  id: string;
  agentId: string;
  verifyKey: string;
}

const AGENT_SELECT = { id: true, agentId: true, verifyKey: true } as const;

async function agentByToken(token: string | null): Promise<Agent | null> {
  if (!token) return null;
  const row = await getDb().drpToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: { revokedAt: true, agent: { select: { ...AGENT_SELECT, revokedAt: true } } },
  });
  if (!row || row.revokedAt || row.agent.revokedAt) return null;
  return row.agent;
}

function open(body: string, agent: Agent): Opened {
  const key = parseVerifyKey(agent.verifyKey);
  return key ? openSigned(body, key) : { ok: false, why: "signature" };
}

type TrustCheck = { ok: true; expiresAt: Date } | { ok: false; why: "claims" | "expired" };

/** §3.07 checks 3 to 6 on the four trust claims. */
function checkTrust(claims: Record<string, unknown>, agentId: string, now: Date): TrustCheck {
  if (claims["agent-id"] !== agentId || claims["business-id"] !== drpBusinessId())
    return { ok: false, why: "claims" };
  const issued = parseDrpTime(claims["issued-at"]);
  const expires = parseDrpTime(claims["expires-at"]);
  if (!issued || !expires) return { ok: false, why: "claims" };
  if (issued.getTime() > now.getTime() + CLOCK_SKEW_MS) return { ok: false, why: "claims" };
  if (expires.getTime() <= now.getTime()) return { ok: false, why: "expired" };
  if (expires.getTime() - issued.getTime() > MAX_VALIDITY_MS) return { ok: false, why: "expired" };
  return { ok: true, expiresAt: expires };
}

/** Records a signed message as used; false when it was already (a replay). */
async function firstUse(tx: Tx, hash: string, expiresAt: Date): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "DrpSeenMessage" ("hash", "expiresAt") VALUES (${hash}, ${expiresAt})
    ON CONFLICT ("hash") DO NOTHING`;
  return inserted === 1;
}

/** Forgets used messages once they have expired (they would be refused as expired anyway). */
export async function pruneSeenMessages(now = new Date()): Promise<number> {
  return getDb()
    .drpSeenMessage.deleteMany({ where: { expiresAt: { lt: now } } })
    .then((r) => r.count);
}

// ── §2.05 POST /v1/agent/{agent-id}: the pair-wise token ─────────────────────────────────────

export async function registerAgentToken(
  pathAgentId: string,
  body: string,
  now = new Date(),
): Promise<DrpAnswer> {
  const agent = await getDb().drpAgent.findFirst({
    where: { agentId: pathAgentId, revokedAt: null },
    select: AGENT_SELECT,
  });
  if (!agent) return FORBIDDEN;
  const opened = open(body, agent);
  if (!opened.ok) return FORBIDDEN;
  const trust = checkTrust(opened.claims, agent.agentId, now);
  if (!trust.ok) return FORBIDDEN;
  const token = randomBytes(32).toString("base64url");
  const issued = await getDb().$transaction(async (tx) => {
    // A captured registration sent again would otherwise mint a token for whoever sent it.
    if (!(await firstUse(tx, opened.hash, trust.expiresAt))) return false;
    await tx.drpToken.updateMany({
      where: { agentId: agent.id, revokedAt: null },
      data: { revokedAt: now },
    });
    await tx.drpToken.create({ data: { agentId: agent.id, tokenHash: sha256(token) } });
    await recordAudit(tx, {
      actorId: null,
      actorRole: SYSTEM_ROLE,
      action: "drp.token.issue",
      entityType: "DrpAgent",
      entityId: agent.id,
      data: { agentId: agent.agentId },
    });
    return true;
  });
  if (!issued) return FORBIDDEN;
  return { status: 200, body: { "agent-id": agent.agentId, token } };
}

// ── §2.06 GET /v1/agent/{agent-id}: is the token still good ──────────────────────────────────

export async function agentInformation(
  pathAgentId: string,
  authorization: string | null,
): Promise<DrpAnswer> {
  const agent = await agentByToken(bearerToken(authorization));
  if (!agent || agent.agentId !== pathAgentId) return FORBIDDEN;
  return { status: 200, body: {} };
}

/**
 * A signed call of the agent behind the bearer token: the token, the signature (§3.07 1-2) and the
 * trust claims (3-6), required or, for 0.9's revoke body, checked when present. Either the agent
 * and the message, or the refusal to answer with.
 */
async function signedCall(
  authorization: string | null,
  body: string,
  now: Date,
  claims: "required" | "when-present",
): Promise<
  | { agent: Agent; opened: Extract<Opened, { ok: true }>; refusal?: undefined }
  | { refusal: DrpAnswer }
> {
  const agent = await agentByToken(bearerToken(authorization));
  if (!agent) return { refusal: FORBIDDEN };
  const opened = open(body, agent);
  if (!opened.ok)
    return {
      refusal:
        opened.why === "signature"
          ? FORBIDDEN
          : failure(
              400,
              "The body is not a signed DRP message (base64 of signature and JSON).",
              true,
            ),
    };
  if (claims === "required" || "agent-id" in opened.claims || "business-id" in opened.claims) {
    const trust = checkTrust(opened.claims, agent.agentId, now);
    if (!trust.ok)
      return {
        refusal:
          trust.why === "expired"
            ? failure(
                400,
                "The message has expired or its validity is longer than 60 minutes.",
                true,
              )
            : FORBIDDEN,
      };
  }
  return { agent, opened };
}

// ── §2.01 POST /v1/data-rights-request: a new request ────────────────────────────────────────

export async function fileExercise(
  authorization: string | null,
  body: string,
  now = new Date(),
): Promise<DrpAnswer> {
  const call = await signedCall(authorization, body, now, "required");
  if (call.refusal) return call.refusal;
  const { agent, opened } = call;

  // The same signed body again, or the same agent-request-id: the request it filed, not a second.
  const agentRequestId = readAgentRequestId(opened.claims);
  const earlier = await findEarlier(agent.id, opened.hash, agentRequestId);
  if (earlier) return { status: 200, body: earlier };

  const read = readExercise(opened.claims);
  if (!read.ok) return failure(400, read.message, true);
  try {
    const status = await getDb().$transaction((tx) =>
      createRequest(tx, {
        agent: agent,
        exercise: read.exercise,
        hash: opened.hash,
        agentRequestId,
        now,
      }),
    );
    return { status: 200, body: status };
  } catch (error) {
    // Two copies racing: the loser answers with what the winner filed.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await findEarlier(agent.id, opened.hash, agentRequestId);
      if (winner) return { status: 200, body: winner };
    }
    throw error;
  }
}

function readAgentRequestId(claims: Record<string, unknown>): string | null {
  const value = claims["agent-request-id"];
  return typeof value === "string" && value.length > 0 && value.length <= 200 ? value : null;
}

async function findEarlier(agentId: string, hash: string, agentRequestId: string | null) {
  const row = await getDb().drpRequest.findFirst({
    where: {
      OR: [{ messageHash: hash }, ...(agentRequestId ? [{ agentId, agentRequestId }] : [])],
    },
    select: STATUS_SELECT,
  });
  // Another agent's request is never answered, even for the same bytes.
  return row && row.agentId === agentId ? statusOf(row) : null;
}

async function createRequest(
  tx: Tx,
  input: {
    agent: Agent;
    exercise: DrpExercise;
    hash: string;
    agentRequestId: string | null;
    now: Date;
  },
): Promise<ExerciseStatus> {
  const { agent, exercise, now } = input;
  const registered = await tx.drpAgent.findUniqueOrThrow({
    where: { id: agent.id },
    select: { name: true, identityAssuranceUrl: true },
  });
  const subject = await resolveSubject(tx, exercise);
  const law = await applicableLaw(tx, exercise.residence);
  const mapped = exerciseToRequest(exercise);
  const { dueAt, ackDueAt } = await initialDeadlines(
    tx,
    mapped.type,
    now,
    law.jurisdictions,
    exercise.residence.country,
  );
  const reference = await nextReference(tx, now);
  const request = await tx.request.create({
    data: {
      reference,
      type: mapped.type,
      subjectId: subject.id,
      filedById: null,
      filerRole: "APPOINTED_AGENT",
      channel: "DRP",
      jurisdictions: law.jurisdictions,
      jurisdictionReasons: law.reasons,
      residenceCountry: exercise.residence.country,
      residenceRegion: exercise.residence.region || null,
      locale: "en",
      details: mapped.details as Prisma.InputJsonObject,
      agentDetails: {
        drp: {
          agentId: agent.agentId,
          agentName: registered.name,
          identityAssuranceUrl: registered.identityAssuranceUrl,
          exercise: exercise.action,
          regime: exercise.regime,
          relationships: exercise.relationships,
          claims: { ...exercise.claims },
        },
      },
      receivedAt: now,
      dueAt,
      ackDueAt,
      // The agent is told at once: this answer is the acknowledgement.
      acknowledgedAt: now,
    },
    select: { id: true },
  });
  await tx.requestEvent.create({
    data: {
      requestId: request.id,
      kind: "submitted",
      toStatus: "SUBMITTED",
      actorId: null,
      at: now,
      data: { channel: "DRP", agentId: agent.agentId },
    },
  });
  const drp = await tx.drpRequest.create({
    data: {
      agentId: agent.id,
      requestId: request.id,
      exercise: exercise.action,
      regime: exercise.regime,
      statusCallback: exercise.statusCallback,
      agentRequestId: input.agentRequestId,
      messageHash: input.hash,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId: null,
    actorRole: SYSTEM_ROLE,
    action: "request.drp-file",
    entityType: "Request",
    entityId: request.id,
    requestId: request.id,
    data: { agentId: agent.agentId, exercise: exercise.action, type: mapped.type },
  });
  const status = await exerciseStatusById(tx, drp.id);
  if (!status) throw new Error("DRP request vanished in its own transaction");
  return status;
}

/**
 * The person the request is about: the one subject with the agent's e-mail address, else a new
 * record from the agent's claims (staff match it during identity review, as for entered requests).
 */
async function resolveSubject(tx: Tx, exercise: DrpExercise): Promise<{ id: string }> {
  const email = exercise.claims.email;
  if (email) {
    const matches = await tx.subject.findMany({
      where: {
        OR: [
          { email: { equals: email, mode: "insensitive" } },
          { user: { email: { equals: email, mode: "insensitive" } } },
        ],
      },
      select: { id: true },
      take: 2,
    });
    if (matches.length === 1) return matches[0]!;
  }
  const created = await tx.subject.create({
    data: {
      familyName: exercise.person.familyName,
      givenName: exercise.person.givenName,
      email: email ?? null,
      phone: exercise.claims.phone_number ?? null,
      address: exercise.claims.address ?? null,
      residenceCountry: exercise.residence.country,
      residenceRegion: exercise.residence.region || null,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId: null,
    actorRole: SYSTEM_ROLE,
    action: "subject.create",
    entityType: "Subject",
    entityId: created.id,
  });
  return created;
}

// ── §2.02 GET /v1/data-rights-request/{request_id} ───────────────────────────────────────────

export async function readExerciseStatus(
  authorization: string | null,
  requestId: string,
): Promise<DrpAnswer> {
  const agent = await agentByToken(bearerToken(authorization));
  if (!agent) return FORBIDDEN;
  const row = await getDb().drpRequest.findUnique({
    where: { id: requestId },
    select: STATUS_SELECT,
  });
  if (!row) return failure(404, "No data rights request has this request_id.");
  if (row.agentId !== agent.id) return FORBIDDEN;
  return { status: 200, body: statusOf(row) };
}

// ── §2.04 DELETE /v1/data-rights-request/{request_id}: the person revokes it ────────────────

export async function revokeExercise(
  authorization: string | null,
  requestId: string,
  body: string,
  now = new Date(),
): Promise<DrpAnswer> {
  // 0.9's revoke body holds only a reason; the trust claims are checked when the agent sends them.
  const call = await signedCall(authorization, body, now, "when-present");
  if (call.refusal) return call.refusal;
  const { agent, opened } = call;
  const reason = opened.claims.reason;
  if (reason !== undefined && (typeof reason !== "string" || reason.length > 2000))
    return failure(400, "reason must be a string of at most 2000 characters.", true);

  return getDb().$transaction(async (tx) => {
    const row = await tx.drpRequest.findUnique({
      where: { id: requestId },
      select: { ...STATUS_SELECT, requestId: true },
    });
    if (!row) return failure(404, "No data rights request has this request_id.");
    if (row.agentId !== agent.id) return FORBIDDEN;
    const from = row.request.status;
    // Revoking twice answers the same revoked status.
    if (from === "WITHDRAWN") return { status: 200, body: statusOf(row) };
    if (!isOpen(from))
      return failure(
        409,
        "The request is closed (fulfilled or denied) and cannot be revoked.",
        true,
      );
    const updated = await tx.request.updateMany({
      where: { id: row.requestId, status: from },
      data: { status: "WITHDRAWN", closedAt: now, outcome: null, refusalGrounds: [] },
    });
    if (updated.count !== 1) return failure(409, "The request changed meanwhile; try again.");
    const jurisdictions = await tx.request.findUniqueOrThrow({
      where: { id: row.requestId },
      select: { jurisdictions: true },
    });
    await runLegalClock(tx, {
      requestId: row.requestId,
      jurisdictions: jurisdictions.jurisdictions,
      from,
      to: "WITHDRAWN",
      reason: "withdraw",
      at: now,
    });
    await tx.requestEvent.create({
      data: {
        requestId: row.requestId,
        kind: "withdraw",
        fromStatus: from,
        toStatus: "WITHDRAWN",
        actorId: null,
        // The person's reason, given through their agent, is theirs to give: kept on the timeline.
        note: typeof reason === "string" && reason.trim() ? reason.trim() : null,
        data: { channel: "DRP", agentId: agent.agentId },
        at: now,
      },
    });
    await recordAudit(tx, {
      actorId: null,
      actorRole: SYSTEM_ROLE,
      action: "request.drp-revoke",
      entityType: "Request",
      entityId: row.requestId,
      requestId: row.requestId,
      data: { agentId: agent.agentId, from },
    });
    const status = await exerciseStatusById(tx, row.id);
    return { status: 200, body: status };
  });
}
