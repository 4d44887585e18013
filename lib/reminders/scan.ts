import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueMail } from "@/lib/mail/enqueue";
import { OPEN_STATUSES } from "@/lib/requests/lifecycle";

// Deadline reminders (issue 5): the assignee hears when an open request is due within 3 days; every
// manager and admin hears when it is overdue. Each reminder goes out once per request, threshold
// and due date: the timeline event that records it is written in the same transaction as its mail
// jobs, under a row lock on the request, so concurrent scans and restarts never send it twice. An
// extension moves the due date, and the new date earns its own reminders.
// Unassigned requests get no due-soon reminder (nobody to tell; the queue shows them), but are
// escalated to managers once overdue like any other. A proposed extension still waiting for its
// approval (and so for its notice) while the first period ends within 3 days is escalated to
// managers too: the notice must reach the requester before the unextended due date.

export const REMINDER_KINDS = {
  dueSoon: "reminderDue3",
  overdue: "reminderOverdue",
  extensionNotice: "reminderExtensionNotice",
} as const;
export type ReminderKind = (typeof REMINDER_KINDS)[keyof typeof REMINDER_KINDS];

export const DUE_SOON_MS = 3 * 24 * 60 * 60 * 1000;
// Requests handled per threshold per scan; the rest wait for the next scan.
const BATCH = 100;

interface Candidate {
  id: string;
  dueAt: Date;
  extendedDueAt: Date | null;
}

/** The date the request must be answered by: the extended one when there is one. */
function effectiveDue(request: Pick<Candidate, "dueAt" | "extendedDueAt">): Date {
  return request.extendedDueAt ?? request.dueAt;
}

/** Open requests whose effective due date lies in [from, to). */
function dueBetween(from: Date | undefined, to: Date): Prisma.RequestWhereInput {
  const range = { ...(from ? { gte: from } : {}), lt: to };
  return {
    status: { in: [...OPEN_STATUSES] },
    OR: [{ extendedDueAt: range }, { extendedDueAt: null, dueAt: range }],
  };
}

function alreadySent(kind: ReminderKind, due: Date): Prisma.RequestEventWhereInput {
  return { kind, data: { path: ["dueAt"], equals: due.toISOString() } };
}

export interface ScanResult {
  dueSoon: number;
  overdue: number;
  extensionNotice: number;
  mails: number;
}

/**
 * Finds requests that have crossed a reminder threshold at `now` and sends each reminder once.
 * Safe to run at any time, as often as wanted, from several processes at once.
 */
export async function scanReminders(db: Db, now: Date): Promise<ScanResult> {
  const result: ScanResult = { dueSoon: 0, overdue: 0, extensionNotice: 0, mails: 0 };
  const soon = new Date(now.getTime() + DUE_SOON_MS);
  const select = { id: true, dueAt: true, extendedDueAt: true } as const;

  const dueSoon = await db.request.findMany({
    where: {
      ...dueBetween(now, soon),
      assigneeId: { not: null },
      events: { none: { kind: REMINDER_KINDS.dueSoon } },
    },
    select,
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: BATCH,
  });
  const overdue = await db.request.findMany({
    where: { ...dueBetween(undefined, now), events: { none: { kind: REMINDER_KINDS.overdue } } },
    select,
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: BATCH,
  });
  const notices = await db.request.findMany({
    where: {
      status: { in: [...OPEN_STATUSES] },
      dueAt: { gte: now, lt: soon },
      // A proposed extension (a pending EXTENSION approval) must be decided and its notice sent
      // before the first period ends.
      approvals: { some: { kind: "EXTENSION", decision: "PENDING" } },
      events: { none: { kind: REMINDER_KINDS.extensionNotice } },
    },
    select,
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: BATCH,
  });
  // The `none` filters above skip anything reminded before at any date; requests whose due date
  // moved after a reminder are picked up here (few: only extended ones).
  const moved = await db.request.findMany({
    where: {
      extendedDueAt: { not: null },
      OR: [
        {
          ...dueBetween(now, soon),
          assigneeId: { not: null },
          events: { some: { kind: REMINDER_KINDS.dueSoon } },
        },
        { ...dueBetween(undefined, now), events: { some: { kind: REMINDER_KINDS.overdue } } },
      ],
    },
    select,
    take: BATCH,
  });

  const work: [ReminderKind, Candidate][] = [
    ...dueSoon.map((r) => [REMINDER_KINDS.dueSoon, r] as [ReminderKind, Candidate]),
    ...overdue.map((r) => [REMINDER_KINDS.overdue, r] as [ReminderKind, Candidate]),
    ...notices.map((r) => [REMINDER_KINDS.extensionNotice, r] as [ReminderKind, Candidate]),
    ...moved.map(
      (r) =>
        [effectiveDue(r) < now ? REMINDER_KINDS.overdue : REMINDER_KINDS.dueSoon, r] as [
          ReminderKind,
          Candidate,
        ],
    ),
  ];
  for (const [kind, candidate] of work) {
    const mails = await db.$transaction((tx) => sendReminder(tx, kind, candidate.id, now));
    if (mails === null) continue;
    const counter = (Object.keys(REMINDER_KINDS) as (keyof typeof REMINDER_KINDS)[]).find(
      (key) => REMINDER_KINDS[key] === kind,
    );
    if (counter) result[counter] += 1;
    result.mails += mails;
  }
  return result;
}

/**
 * Sends one reminder inside a transaction holding the request's row lock, after checking again
 * that it is still due and not yet sent. Returns the number of mails queued, or null if none was due.
 */
async function sendReminder(
  tx: Tx,
  kind: ReminderKind,
  requestId: string,
  now: Date,
): Promise<number | null> {
  await tx.$queryRaw`SELECT id FROM "Request" WHERE id = ${requestId} FOR UPDATE`;
  const request = await tx.request.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      reference: true,
      status: true,
      dueAt: true,
      extendedDueAt: true,
      assignee: { select: { id: true, email: true, locale: true } },
      approvals: {
        where: { kind: "EXTENSION", decision: "PENDING" },
        select: { id: true },
        take: 1,
      },
    },
  });
  if (!request || !(OPEN_STATUSES as readonly string[]).includes(request.status)) return null;
  // An extension notice is due by the end of the first period; the others by the effective date.
  const due = kind === REMINDER_KINDS.extensionNotice ? request.dueAt : effectiveDue(request);
  const withinSoon = due >= now && due.getTime() < now.getTime() + DUE_SOON_MS;
  const crossed =
    kind === REMINDER_KINDS.overdue
      ? due < now
      : kind === REMINDER_KINDS.dueSoon
        ? withinSoon && request.assignee !== null
        : withinSoon && request.approvals.length > 0;
  if (!crossed) return null;
  const sent = await tx.requestEvent.findFirst({
    where: { requestId, ...alreadySent(kind, due) },
    select: { id: true },
  });
  if (sent) return null;

  const recipients =
    kind === REMINDER_KINDS.dueSoon
      ? request.assignee
        ? [request.assignee]
        : []
      : await tx.user.findMany({
          where: { role: { in: ["MANAGER", "ADMIN"] } },
          select: { id: true, email: true, locale: true },
          orderBy: { id: "asc" },
        });

  await tx.requestEvent.create({
    data: {
      requestId,
      kind,
      visibleToRequester: false,
      data: { dueAt: due.toISOString(), recipients: recipients.length },
      at: now,
    },
  });
  await recordAudit(tx, {
    actorId: null,
    actorRole: null,
    action: `request.${kind}`,
    entityType: "Request",
    entityId: requestId,
    requestId,
    data: { dueAt: due.toISOString(), recipients: recipients.length },
  });
  for (const user of recipients) {
    await enqueueMail(
      tx,
      {
        kind,
        locale: user.locale,
        to: user.email,
        params: { reference: request.reference, dueDate: due.toISOString() },
      },
      { dedupeKey: `${kind}-${requestId}-${due.toISOString()}-${user.id}` },
    );
  }
  return recipients.length;
}
