import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type Tx } from "@/lib/db";
import { readerZone } from "@/lib/deadlines/calendar";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/config";
import { enqueueMail } from "@/lib/mail/enqueue";
import { nextReference } from "@/lib/data/requests/reference";
import type { TNewRequest } from "@/lib/validation/requests";

import { applicableLaw } from "./applicable-law";
import { checkRequestKeys } from "./check-request-keys";
import { initialDeadlines } from "./deadline-rule";

const birth = (d: string) => (d ? new Date(`${d}T00:00:00Z`) : null);

/**
 * The data subject the request is about. Filing for oneself: the linked record, or a new one for a
 * person the organisation does not know yet. Filing as an agent: a new, unlinked record from the
 * details given; identity verification later matches it with the organisation's records.
 */
async function resolveSubject(
  tx: Tx,
  actor: Actor,
  input: TNewRequest,
): Promise<{ id: string; linked: boolean; residenceChanged: boolean }> {
  if (input.filerRole === "SELF") {
    const linked = await tx.subject.findUnique({
      where: { userId: actor.userId },
      select: { id: true },
    });
    if (linked) {
      const residenceChanged = await rememberResidence(tx, linked.id, input.residence);
      return { id: linked.id, linked: true, residenceChanged };
    }
  }
  const person = input.filerRole === "SELF" ? input.requester : input.subject;
  const created = await tx.subject.create({
    data: {
      userId: input.filerRole === "SELF" ? actor.userId : null,
      familyName: person.familyName,
      givenName: person.givenName,
      familyNameKana: person.familyNameKana || null,
      givenNameKana: person.givenNameKana || null,
      birthDate: birth(person.birthDate),
      email: input.filerRole === "SELF" ? actor.email : null,
      residenceCountry: input.residence.country,
      residenceRegion: input.residence.region || null,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId: actor.userId,
    actorRole: actor.role,
    action: "subject.create",
    entityType: "Subject",
    entityId: created.id,
    ip: actor.ip,
  });
  return { id: created.id, linked: false, residenceChanged: false };
}

/**
 * Where the person said they live, kept for their next request's form: one conditional update.
 * True when it changed; the caller audits that beside the submission, at the end of its
 * transaction, so the audit chain's lock is not held across the whole filing.
 */
async function rememberResidence(
  tx: Tx,
  subjectId: string,
  residence: TNewRequest["residence"],
): Promise<boolean> {
  const region = residence.region || null;
  const changed = await tx.$executeRaw`
    UPDATE "Subject" SET "residenceCountry" = ${residence.country}, "residenceRegion" = ${region},
                         "updatedAt" = now()
    WHERE id = ${subjectId}
      AND ("residenceCountry" IS DISTINCT FROM ${residence.country}
           OR "residenceRegion" IS DISTINCT FROM ${region})`;
  return changed === 1;
}

async function findExisting(actor: Actor, key: string) {
  return getDb().request.findUnique({
    where: { filedById_idempotencyKey: { filedById: actor.userId, idempotencyKey: key } },
    select: { reference: true },
  });
}

/**
 * Files a request of any of the six types for the signed-in person or, as their agent, for
 * someone else. Idempotent by the form's key: a retried or double-submitted form returns the
 * request the first submission created.
 */
export async function createRequest(options: {
  actor: Actor;
  input: TNewRequest;
  locale: Locale;
}): Promise<{ reference: string; created: boolean }> {
  const { actor, input, locale } = options;
  if (!can(actor.role, "request:file")) throw new AppError("FORBIDDEN");
  const existing = await findExisting(actor, input.idempotencyKey);
  if (existing) return { reference: existing.reference, created: false };

  try {
    return await getDb().$transaction(async (tx) => {
      const subject = await resolveSubject(tx, actor, input);
      await checkRequestKeys(tx, input, subject.linked ? subject.id : null);
      const receivedAt = new Date();
      const law = await applicableLaw(tx, input.residence);
      const { dueAt, ackDueAt } = await initialDeadlines(
        tx,
        input.type,
        receivedAt,
        law.jurisdictions,
        input.residence.country,
      );
      const reference = await nextReference(tx, receivedAt);
      const request = await tx.request.create({
        data: {
          reference,
          type: input.type,
          subjectId: subject.id,
          filedById: actor.userId,
          filerRole: input.filerRole,
          channel: "WEB",
          jurisdictions: law.jurisdictions,
          jurisdictionReasons: law.reasons,
          residenceCountry: input.residence.country,
          residenceRegion: input.residence.region || null,
          locale,
          details: { ...input.details, note: input.note },
          agentDetails:
            input.filerRole === "SELF"
              ? Prisma.DbNull
              : { relationship: input.subject.relationship || null, agent: input.requester },
          receivedAt,
          dueAt,
          ackDueAt,
          // The acknowledgement mail below is enqueued in this transaction.
          acknowledgedAt: receivedAt,
          idempotencyKey: input.idempotencyKey,
        },
        select: { id: true },
      });
      await tx.requestEvent.create({
        data: {
          requestId: request.id,
          kind: "submitted",
          toStatus: "SUBMITTED",
          actorId: actor.userId,
          at: receivedAt,
        },
      });
      if (subject.residenceChanged)
        await recordAudit(tx, {
          actorId: actor.userId,
          actorRole: actor.role,
          action: "subject.update",
          entityType: "Subject",
          entityId: subject.id,
          ip: actor.ip,
          data: { fields: "residence" },
        });
      await recordAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: "request.submit",
        entityType: "Request",
        entityId: request.id,
        requestId: request.id,
        ip: actor.ip,
        data: {
          type: input.type,
          filerRole: input.filerRole,
          jurisdictions: law.jurisdictions.join(","),
        },
      });
      await enqueueMail(tx, {
        kind: "requestReceived",
        locale,
        to: actor.email,
        params: {
          reference,
          dueDate: dueAt.toISOString(),
          dueZone: readerZone(input.residence.country, input.residence.region),
        },
      });
      return { reference, created: true };
    });
  } catch (error) {
    // Two submissions raced past the lookup: the unique key let one through; return that one.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const raced = await findExisting(actor, input.idempotencyKey);
      if (raced) return { reference: raced.reference, created: false };
    }
    throw error;
  }
}
