import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type Tx } from "@/lib/db";
import { earliestDeadline } from "@/lib/deadlines/compute";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/config";
import { enqueueMail } from "@/lib/mail/enqueue";
import { nextReference } from "@/lib/requests/reference";
import type { TDisclosureRequest } from "@/lib/validation/requests";

async function jpDeadlineRule(tx: Tx) {
  const policies = await tx.deadlinePolicy.findMany({
    where: { jurisdiction: "JP", OR: [{ requestType: "DISCLOSURE" }, { requestType: null }] },
  });
  // A rule for the type beats the jurisdiction's default; with none configured, the 10-day SLA.
  const policy = policies.find((p) => p.requestType === "DISCLOSURE") ?? policies[0];
  return policy
    ? { amount: policy.amount, unit: policy.unit }
    : { amount: 10, unit: "CALENDAR_DAYS" as const };
}

async function subjectForActor(tx: Tx, actor: Actor, requester: TDisclosureRequest["requester"]) {
  const linked = await tx.subject.findUnique({
    where: { userId: actor.userId },
    select: { id: true },
  });
  if (linked) return linked.id;
  // A person the organisation does not know yet: identity verification later matches the records.
  const created = await tx.subject.create({
    data: {
      userId: actor.userId,
      familyName: requester.familyName,
      givenName: requester.givenName,
      familyNameKana: requester.familyNameKana || null,
      givenNameKana: requester.givenNameKana || null,
      birthDate: requester.birthDate ? new Date(`${requester.birthDate}T00:00:00Z`) : null,
      email: actor.email,
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
  return created.id;
}

async function findExisting(actor: Actor, key: string) {
  return getDb().request.findUnique({
    where: { filedById_idempotencyKey: { filedById: actor.userId, idempotencyKey: key } },
    select: { reference: true },
  });
}

/**
 * Files a disclosure request (APPI Art.33) for the signed-in subject. Idempotent by the form's key:
 * a retried or double-submitted form returns the request the first submission created.
 */
export async function createDisclosureRequest(options: {
  actor: Actor;
  input: TDisclosureRequest;
  locale: Locale;
}): Promise<{ reference: string; created: boolean }> {
  const { actor, input, locale } = options;
  if (!can(actor.role, "request:file")) throw new AppError("FORBIDDEN");
  const existing = await findExisting(actor, input.idempotencyKey);
  if (existing) return { reference: existing.reference, created: false };

  try {
    return await getDb().$transaction(async (tx) => {
      const subjectId = await subjectForActor(tx, actor, input.requester);
      const receivedAt = new Date();
      const dueAt = earliestDeadline(receivedAt, [await jpDeadlineRule(tx)]);
      const reference = await nextReference(tx, receivedAt);
      const request = await tx.request.create({
        data: {
          reference,
          type: "DISCLOSURE",
          subjectId,
          filedById: actor.userId,
          filerRole: "SELF",
          channel: "WEB",
          jurisdictions: ["JP"],
          locale,
          details: {
            scope: input.scope,
            categoryKeys: input.scope === "SELECTED" ? input.categoryKeys : [],
            method: input.method,
            postalAddress: input.method === "PAPER" ? input.postalAddress : null,
            note: input.note,
          },
          receivedAt,
          dueAt,
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
      await recordAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: "request.submit",
        entityType: "Request",
        entityId: request.id,
        requestId: request.id,
        ip: actor.ip,
        data: { type: "DISCLOSURE" },
      });
      await enqueueMail(tx, {
        kind: "requestReceived",
        locale,
        to: actor.email,
        params: { reference, dueDate: dueAt.toISOString() },
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
