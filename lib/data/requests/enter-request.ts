import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type Tx } from "@/lib/db";
import { readerZone } from "@/lib/deadlines/calendar";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueueMail } from "@/lib/mail/enqueue";
import { nextReference } from "@/lib/data/requests/reference";
import { todayInJapan, type TEnterRequest } from "@/lib/validation/queue";

import { applicableLaw } from "./applicable-law";
import { checkRequestKeys } from "./check-request-keys";
import { initialDeadlines } from "./deadline-rule";

const birth = (d: string) => (d ? new Date(`${d}T00:00:00Z`) : null);

/**
 * When the request reached the organisation: now for today, else the start of that day in Japan
 * time. The deadline counts calendar days in Japan time, so any instant of the day gives the same
 * due date; a past day must not be moved to today, or the clock would start late.
 */
export function receivedAtFor(receivedOn: string, now = new Date()): Date {
  if (receivedOn > todayInJapan(now)) throw new AppError("INVALID_INPUT");
  return receivedOn === todayInJapan(now) ? now : new Date(`${receivedOn}T00:00:00+09:00`);
}

/** The subject the request is about: the one picked by the staff member, or a new record. */
async function resolveSubject(tx: Tx, actor: Actor, input: TEnterRequest) {
  if (input.subjectId) {
    const found = await tx.subject.findUnique({
      where: { id: input.subjectId },
      select: { id: true, email: true, userId: true, user: { select: { email: true } } },
    });
    if (!found)
      throw new AppError("INVALID_INPUT", "errors.invalidInput", {
        subjectId: "queue.enter.errors.subjectGone",
      });
    return { id: found.id, email: found.email ?? found.user?.email ?? null, linked: true };
  }
  // Filed by the person: the requester block is them; by an agent: the subject block.
  const person = input.filerRole === "SELF" ? input.requester : input.subject;
  const created = await tx.subject.create({
    data: {
      familyName: person.familyName,
      givenName: person.givenName,
      familyNameKana: person.familyNameKana || null,
      givenNameKana: person.givenNameKana || null,
      birthDate: birth(person.birthDate),
      email: input.email || null,
      postalCode: input.postalCode || null,
      address: input.address || null,
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
  return { id: created.id, email: input.email || null, linked: false };
}

/**
 * Records a request that arrived by phone, post, email or in person, entered by a staff member
 * (enteredById; nobody filed it through the portal, so filedById is null). The due date counts
 * from the day it arrived, as for web requests. Idempotent by the form's key per staff member:
 * a double submit returns the request the first one created.
 */
export async function enterRequest(options: {
  actor: Actor;
  input: TEnterRequest;
  now?: Date;
}): Promise<{ reference: string; created: boolean }> {
  const { actor, input } = options;
  if (!can(actor.role, "request:enter")) throw new AppError("FORBIDDEN");
  const receivedAt = receivedAtFor(input.receivedOn, options.now);
  return getDb().$transaction(async (tx) => {
    // No unique key covers (enteredById, idempotencyKey): the lock serialises double submits
    // of one form, and the second then finds the first's request.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`enter:${actor.userId}:${input.idempotencyKey}`}, 0))`;
    const existing = await tx.request.findFirst({
      where: { enteredById: actor.userId, idempotencyKey: input.idempotencyKey },
      select: { reference: true },
    });
    if (existing) return { reference: existing.reference, created: false };

    const subject = await resolveSubject(tx, actor, input);
    await checkRequestKeys(tx, input, subject.linked ? subject.id : null);
    const law = await applicableLaw(tx, input.residence);
    const { dueAt, ackDueAt } = await initialDeadlines(
      tx,
      input.type,
      receivedAt,
      law.jurisdictions,
      input.residence.country,
    );
    // The acknowledgement goes to the person when they asked themselves and we have an address;
    // an agent's request is acknowledged by the channel it came in (recorded by staff).
    const mailsAcknowledgement = input.filerRole === "SELF" && subject.email !== null;
    const reference = await nextReference(tx, receivedAt);
    const request = await tx.request.create({
      data: {
        reference,
        type: input.type,
        subjectId: subject.id,
        filedById: null,
        enteredById: actor.userId,
        filerRole: input.filerRole,
        channel: input.channel,
        jurisdictions: law.jurisdictions,
        jurisdictionReasons: law.reasons,
        residenceCountry: input.residence.country,
        residenceRegion: input.residence.region || null,
        locale: input.locale,
        details: { ...input.details, note: input.note },
        agentDetails:
          input.filerRole === "SELF"
            ? Prisma.DbNull
            : { relationship: input.subject.relationship || null, agent: input.requester },
        receivedAt,
        dueAt,
        ackDueAt,
        acknowledgedAt: mailsAcknowledgement ? new Date() : null,
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
        data: { channel: input.channel, entered: true },
      },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "request.enter",
      entityType: "Request",
      entityId: request.id,
      requestId: request.id,
      ip: actor.ip,
      data: { type: input.type, filerRole: input.filerRole, channel: input.channel },
    });
    if (mailsAcknowledgement && subject.email) {
      await enqueueMail(tx, {
        kind: "requestReceived",
        locale: input.locale,
        to: subject.email,
        params: {
          reference,
          dueDate: dueAt.toISOString(),
          dueZone: readerZone(input.residence.country, input.residence.region),
        },
      });
    }
    return { reference, created: true };
  });
}
