// The deadline engine. Pure: the caller passes the policies, the clock events and the extensions;
// every due date is derived from them, never stored by hand. Rules per jurisdiction are in
// ../shared/DOMAIN.md ("Deadlines"); dates are counted on Japanese calendar days (compute.ts).

import type { Jurisdiction, RequestType } from "@/lib/generated/prisma/enums";

import { endOfJstDay, jstDate, type DeadlineRule, type Unit } from "./compute";
import { checkExtension, type ExtensionRefusal } from "./extension";
import { periodFor } from "./holidays";

export { checkExtension, type ExtensionCheck, type ExtensionRefusal } from "./extension";
export { holidaysFor, periodFor } from "./holidays";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Policy {
  jurisdiction: Jurisdiction;
  requestType: RequestType | null;
  amount: number;
  unit: Unit;
  extensionAmount: number | null;
  extensionUnit: Unit | null;
  ackAmount: number | null;
  ackUnit: Unit | null;
  pauseAllowed: boolean;
}

export interface ClockEventInput {
  kind: "PAUSE" | "RESUME";
  at: Date;
}

export interface ExtensionInput {
  jurisdiction: Jurisdiction;
  /** The date the staff set; the engine caps nothing silently, it refuses a date past the maximum. */
  newDueAt: Date | null;
  noticeSentAt: Date | null;
  createdAt: Date;
}

export interface JurisdictionDeadline {
  jurisdiction: Jurisdiction;
  rule: DeadlineRule;
  /** The statutory or SLA due date counted from receipt, before pauses and extensions. */
  baseDueAt: Date;
  ackDueAt: Date | null;
  pauseAllowed: boolean;
  /** The clock is stopped now (an open pause, where pausing is allowed). */
  paused: boolean;
  /** After the paused spans are added back. */
  dueAt: Date;
  extension:
    { status: "applied"; dueAt: Date } | { status: "refused"; reason: ExtensionRefusal } | null;
  /** After pauses and an applied extension: the date this jurisdiction requires. */
  effectiveDueAt: Date;
}

export interface DeadlineResult {
  jurisdictions: JurisdictionDeadline[];
  /** The earliest effective due date across the applicable jurisdictions. */
  dueAt: Date;
  governing: Jurisdiction;
  /** The earliest due date before extensions (what `Request.dueAt` holds). */
  unextendedDueAt: Date;
  ackDueAt: Date | null;
  /** APPI Art.39: the person may sue two weeks after arrival. Set when JP applies. */
  jpStatutory: { limitAt: Date; warning: boolean } | null;
}

/** The policy for the request type, else the jurisdiction's default (requestType null). */
export function selectPolicy(
  policies: readonly Policy[],
  jurisdiction: Jurisdiction,
  type: RequestType,
): Policy | undefined {
  const own = policies.filter((p) => p.jurisdiction === jurisdiction);
  return own.find((p) => p.requestType === type) ?? own.find((p) => p.requestType === null);
}

/** The JP default when no policy is configured: 10 calendar days (DOMAIN.md). */
export const JP_DEFAULT_POLICY: Policy = {
  jurisdiction: "JP",
  requestType: null,
  amount: 10,
  unit: "CALENDAR_DAYS",
  extensionAmount: null,
  extensionUnit: null,
  ackAmount: null,
  ackUnit: null,
  pauseAllowed: false,
};

/** APPI Art.39(1): two weeks after the request reached the business, the person may sue. */
export function jpStatutoryLimit(receivedAt: Date): Date {
  return endOfJstDay(new Date(jstDate(receivedAt).getTime() + 14 * DAY_MS));
}

/** Closed and open pauses as [start, end) spans; an open pause runs until `now`. */
export function pausedSpans(
  events: readonly ClockEventInput[],
  now: Date,
): { spans: { start: Date; end: Date }[]; open: boolean } {
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const spans: { start: Date; end: Date }[] = [];
  let start: Date | null = null;
  for (const event of sorted) {
    if (event.kind === "PAUSE" && start === null) start = event.at;
    else if (event.kind === "RESUME" && start !== null) {
      spans.push({ start, end: event.at });
      start = null;
    }
  }
  if (start !== null)
    spans.push({ start, end: new Date(Math.max(now.getTime(), start.getTime())) });
  return { spans, open: start !== null };
}

/**
 * Adds the paused spans back, in order: a pause counts only if it began before the clock ran out
 * (and not before receipt), and the due date moves to the end of the Japanese day the shifted
 * instant falls on, so a part-day pause adds a whole day. Never earlier than `due`.
 */
export function addPauses(
  due: Date,
  receivedAt: Date,
  spans: readonly { start: Date; end: Date }[],
): Date {
  let current = due;
  for (const span of spans) {
    const start = Math.max(span.start.getTime(), receivedAt.getTime());
    if (start > current.getTime() || span.end.getTime() <= start) continue;
    current = endOfJstDay(jstDate(new Date(current.getTime() + (span.end.getTime() - start))));
  }
  return current;
}

function deadlineFor(
  policy: Policy,
  input: {
    receivedAt: Date;
    spans: { start: Date; end: Date }[];
    open: boolean;
    extensions: readonly ExtensionInput[];
  },
): JurisdictionDeadline {
  const { receivedAt } = input;
  const rule = { amount: policy.amount, unit: policy.unit };
  const baseDueAt = periodFor(policy.jurisdiction, receivedAt, rule);
  const ackDueAt =
    policy.ackAmount && policy.ackUnit
      ? periodFor(policy.jurisdiction, receivedAt, {
          amount: policy.ackAmount,
          unit: policy.ackUnit,
        })
      : null;
  // Clarification stops the clock only where the law says so (UK); elsewhere pauses are recorded
  // but the date stands (JP: "record requests for clarification"; US-CA: no pause).
  const dueAt = policy.pauseAllowed ? addPauses(baseDueAt, receivedAt, input.spans) : baseDueAt;

  // Only an applied extension counts towards "once"; a refused one leaves the way open.
  let extension: JurisdictionDeadline["extension"] = null;
  let effectiveDueAt = dueAt;
  const mine = input.extensions
    .filter((e) => e.jurisdiction === policy.jurisdiction)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const e of mine) {
    const applied = extension !== null && extension.status === "applied";
    const check = checkExtension({
      policy,
      receivedAt,
      dueAt,
      priorExtensions: applied ? 1 : 0,
      noticeAt: e.noticeSentAt ?? e.createdAt,
      newDueAt: e.newDueAt,
    });
    if (check.allowed) {
      extension = { status: "applied", dueAt: check.dueAt };
      effectiveDueAt = check.dueAt;
    } else if (!applied) {
      extension = { status: "refused", reason: check.reason };
    }
  }

  return {
    jurisdiction: policy.jurisdiction,
    rule,
    baseDueAt,
    ackDueAt,
    pauseAllowed: policy.pauseAllowed,
    paused: policy.pauseAllowed && input.open,
    dueAt,
    extension,
    effectiveDueAt,
  };
}

function earliest<T>(items: readonly T[], date: (item: T) => Date | null): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    const d = date(item);
    if (d && (!best || d.getTime() < (date(best) as Date).getTime())) best = item;
  }
  return best;
}

/**
 * Every applicable jurisdiction's deadline and the overall one: the earliest wins. A jurisdiction
 * without a policy is skipped; JP falls back to its 10-day default; with nothing left, JP applies.
 */
export function computeDeadlines(input: {
  receivedAt: Date;
  type: RequestType;
  jurisdictions: readonly Jurisdiction[];
  policies: readonly Policy[];
  clockEvents?: readonly ClockEventInput[];
  extensions?: readonly ExtensionInput[];
  /** Where a pause is still open, the clock has stood still until now. */
  now?: Date;
}): DeadlineResult {
  const { receivedAt } = input;
  const { spans, open } = pausedSpans(input.clockEvents ?? [], input.now ?? receivedAt);
  const wanted =
    input.jurisdictions.length > 0 ? [...new Set(input.jurisdictions)] : ["JP" as const];
  const policies = wanted
    .map(
      (j) =>
        selectPolicy(input.policies, j, input.type) ?? (j === "JP" ? JP_DEFAULT_POLICY : undefined),
    )
    .filter((p): p is Policy => p !== undefined);
  if (policies.length === 0) policies.push(JP_DEFAULT_POLICY);

  const results = policies.map((p) =>
    deadlineFor(p, { receivedAt, spans, open, extensions: input.extensions ?? [] }),
  );
  const governing = earliest(results, (r) => r.effectiveDueAt) as JurisdictionDeadline;
  const unextended = earliest(results, (r) => r.dueAt) as JurisdictionDeadline;
  const ack = earliest(results, (r) => r.ackDueAt);
  const jp = results.find((r) => r.jurisdiction === "JP");
  const limitAt = jpStatutoryLimit(receivedAt);
  return {
    jurisdictions: results,
    dueAt: governing.effectiveDueAt,
    governing: governing.jurisdiction,
    unextendedDueAt: unextended.dueAt,
    ackDueAt: ack?.ackDueAt ?? null,
    jpStatutory: jp ? { limitAt, warning: jp.effectiveDueAt.getTime() >= limitAt.getTime() } : null,
  };
}
