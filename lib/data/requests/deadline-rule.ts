import "server-only";

import { cache } from "react";

import { getDb, type Db, type Tx } from "@/lib/db";
import { computeDeadlines, type DeadlineResult, type Policy } from "@/lib/deadlines/engine";
import type { Jurisdiction, RequestType } from "@/lib/generated/prisma/enums";

const POLICY_FIELDS = {
  jurisdiction: true,
  requestType: true,
  amount: true,
  unit: true,
  extensionAmount: true,
  extensionUnit: true,
  ackAmount: true,
  ackUnit: true,
  pauseAllowed: true,
} as const;

/** The configured policies of these jurisdictions for this type or every type (the engine picks). */
async function policiesFor(
  tx: Db | Tx,
  type: RequestType,
  jurisdictions: readonly Jurisdiction[],
): Promise<Policy[]> {
  return tx.deadlinePolicy.findMany({
    where: {
      jurisdiction: { in: [...jurisdictions] },
      OR: [{ requestType: type }, { requestType: null }],
    },
    select: POLICY_FIELDS,
  });
}

/**
 * A new request's due date from its arrival: the earliest deadline among its jurisdictions'
 * policies in DeadlinePolicy (JP by default, 10 days when unconfigured). Shared by requests filed
 * on the web (create-request.ts) and those staff enter (enter-request.ts), so both count the same
 * way from the moment the request reached the organisation.
 */
export async function dueAtFor(
  tx: Tx,
  type: RequestType,
  receivedAt: Date,
  jurisdictions: readonly Jurisdiction[] = ["JP"],
  residenceCountry: string | null = null,
): Promise<Date> {
  return (await initialDeadlines(tx, type, receivedAt, jurisdictions, residenceCountry)).dueAt;
}

/** A new request's due date and, where a jurisdiction asks for one, its acknowledgement date. */
export async function initialDeadlines(
  tx: Tx,
  type: RequestType,
  receivedAt: Date,
  jurisdictions: readonly Jurisdiction[] = ["JP"],
  residenceCountry: string | null = null,
): Promise<{ dueAt: Date; ackDueAt: Date | null }> {
  const policies = await policiesFor(tx, type, jurisdictions);
  const result = computeDeadlines({ receivedAt, type, jurisdictions, policies, residenceCountry });
  return { dueAt: result.dueAt, ackDueAt: result.ackDueAt };
}

/** What a request's deadlines derive from: its own facts, policies, clock events and extensions. */
async function deadlineInputs(tx: Db | Tx, requestId: string) {
  const request = await tx.request.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      id: true,
      type: true,
      status: true,
      jurisdictions: true,
      jurisdictionReasons: true,
      receivedAt: true,
      residenceCountry: true,
      residenceRegion: true,
    },
  });
  // One after another: a transaction's queries share one connection.
  const policies = await policiesFor(tx, request.type, request.jurisdictions);
  const clockEvents = await tx.clockEvent.findMany({
    where: { requestId },
    select: { kind: true, at: true },
  });
  const extensions = await tx.extension.findMany({
    where: { requestId },
    select: { jurisdiction: true, newDueAt: true, noticeSentAt: true, createdAt: true },
  });
  return { request, policies, clockEvents, extensions };
}

function deadlinesFrom(inputs: Awaited<ReturnType<typeof deadlineInputs>>, now: Date) {
  const { request, policies, clockEvents, extensions } = inputs;
  const result = computeDeadlines({
    receivedAt: request.receivedAt,
    type: request.type,
    jurisdictions: request.jurisdictions,
    policies,
    residenceCountry: request.residenceCountry,
    clockEvents,
    extensions,
    now,
  });
  return {
    dueAt: result.unextendedDueAt,
    extendedDueAt:
      result.dueAt.getTime() !== result.unextendedDueAt.getTime() ? result.dueAt : null,
    ackDueAt: result.ackDueAt,
    result,
  };
}

/**
 * The request's deadlines derived again from its policies, clock events (pauses and resumes) and
 * extensions: never edited by hand. `dueAt` is the earliest date before extensions (what
 * `Request.dueAt` holds, the queue's order), `extendedDueAt` the earliest after them when an
 * extension moved it. The caller writes them and audits the change in its own transaction.
 */
export async function recomputeDueAt(
  tx: Tx,
  requestId: string,
  options: { now?: Date } = {},
): Promise<{
  dueAt: Date;
  extendedDueAt: Date | null;
  ackDueAt: Date | null;
  result: DeadlineResult;
}> {
  return deadlinesFrom(await deadlineInputs(tx, requestId), options.now ?? new Date());
}

/**
 * A request's deadlines as a page shows them, with what they derive from (the request's laws and
 * residence, its policies and extensions): read once per server render however many panels ask
 * (the jurisdiction panel and the extension section of the staff request page). Read outside a
 * transaction: under READ COMMITTED one would not give its statements one snapshot either, and
 * its BEGIN and COMMIT were two more round trips per view.
 */
export const currentDeadlines = cache(async (requestId: string) => {
  const inputs = await deadlineInputs(getDb(), requestId);
  return { ...deadlinesFrom(inputs, new Date()), ...inputs };
});
