// The deadline engine. Pure: the caller passes the policies, the clock events and the extensions;
// every due date is derived from them, never stored by hand. Rules per jurisdiction are in
// ../shared/DOMAIN.md ("Deadlines"); each jurisdiction counts days in its own local time
// (calendar.ts), and the UK's clock starts again when identity it asked for arrives.

import type { Jurisdiction, RequestType } from "@/lib/generated/prisma/enums";

import { addDays, endOfLocalDay, localDate, zoneFor, type TimeZone } from "./calendar";
import type { DeadlineRule, Unit } from "./compute";
import { checkExtension, type ExtensionRefusal } from "./extension";
import { periodFor } from "./holidays";

export { checkExtension, type ExtensionCheck, type ExtensionRefusal } from "./extension";
export { holidaysFor, periodFor } from "./holidays";

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

/**
 * PAUSE and RESUME stop and restart the count where the law stops the clock (clarification, UK).
 * RESTART marks the arrival of identity evidence the organisation asked for: where the law says
 * the period runs from it (CLOCK_RESTARTS), the count begins again that day; elsewhere it is a
 * RESUME. FEE_RESTART marks the arrival of a fee asked for, likewise (FEE_CLOCK_RESTARTS).
 */
export interface ClockEventInput {
  kind: "PAUSE" | "RESUME" | "RESTART" | "FEE_RESTART";
  at: Date;
}

/**
 * UK GDPR as the ICO reads it: when identity (or a fee) is asked for, the time limit begins on the
 * day it is received. The EU, California, Korea, Brazil and Japan count from the request itself.
 */
export const CLOCK_RESTARTS: ReadonlySet<Jurisdiction> = new Set(["UK"]);

/**
 * Where a fee the organisation may ask for is a condition of the answer, the period runs from its
 * receipt: the UK (ICO, "Can we charge a fee?": the time limit begins when the fee is received),
 * Japan (APPI Art.38: the fee is set by the business and paid for the disclosure; the portal's
 * 10 days are an internal period under Art.33's "without delay") and Korea (PIPA Art.38(3)). The
 * GDPR and the CCPA say nothing of it; the portal keeps their period running (the safer reading),
 * and stops it only where clarification pauses are allowed.
 */
export const FEE_CLOCK_RESTARTS: ReadonlySet<Jurisdiction> = new Set(["UK", "JP", "KR"]);

export interface ExtensionInput {
  jurisdiction: Jurisdiction;
  /** The date the staff set; the engine caps nothing silently, it refuses a date past the maximum. */
  newDueAt: Date | null;
  noticeSentAt: Date | null;
  createdAt: Date;
}

export interface JurisdictionDeadline {
  jurisdiction: Jurisdiction;
  /** The zone this jurisdiction's days are counted in. */
  zone: TimeZone;
  rule: DeadlineRule;
  /** Where the count begins: receipt, or the arrival of the identity (UK) or fee asked for. */
  clockStartAt: Date;
  /** What started the count again, when it did not start at receipt. */
  restartedBy: "IDENTITY" | "FEE" | null;
  /** The statutory or SLA due date counted from the clock's start, before pauses and extensions. */
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
  const tokyo = zoneFor("JP");
  return endOfLocalDay(addDays(localDate(receivedAt, tokyo), 14), tokyo);
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
    else if (event.kind !== "PAUSE" && start !== null) {
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
 * (and not before the clock started), and the due date moves to the end of the local day the
 * shifted instant falls on, so a part-day pause adds a whole day. Never earlier than `due`.
 */
export function addPauses(
  due: Date,
  clockStartAt: Date,
  spans: readonly { start: Date; end: Date }[],
  zone: TimeZone = zoneFor("JP"),
): Date {
  let current = due;
  for (const span of spans) {
    const start = Math.max(span.start.getTime(), clockStartAt.getTime());
    if (start > current.getTime() || span.end.getTime() <= start) continue;
    const shifted = new Date(current.getTime() + (span.end.getTime() - start));
    current = endOfLocalDay(localDate(shifted, zone), zone);
  }
  return current;
}

/**
 * Where the count begins: the latest restart after receipt that this law honours (identity: a
 * RESTART under CLOCK_RESTARTS; a fee: a FEE_RESTART under FEE_CLOCK_RESTARTS), else receipt.
 */
export function clockStart(
  jurisdiction: Jurisdiction,
  receivedAt: Date,
  events: readonly ClockEventInput[],
): { at: Date; restartedBy: "IDENTITY" | "FEE" | null } {
  const honoured = (kind: ClockEventInput["kind"]) =>
    (kind === "RESTART" && CLOCK_RESTARTS.has(jurisdiction)) ||
    (kind === "FEE_RESTART" && FEE_CLOCK_RESTARTS.has(jurisdiction));
  let start: { at: Date; restartedBy: "IDENTITY" | "FEE" | null } = {
    at: receivedAt,
    restartedBy: null,
  };
  for (const e of events)
    if (honoured(e.kind) && e.at.getTime() > start.at.getTime())
      start = { at: e.at, restartedBy: e.kind === "FEE_RESTART" ? "FEE" : "IDENTITY" };
  return start;
}

function deadlineFor(
  policy: Policy,
  input: {
    receivedAt: Date;
    residenceCountry: string | null;
    events: readonly ClockEventInput[];
    spans: { start: Date; end: Date }[];
    open: boolean;
    extensions: readonly ExtensionInput[];
  },
): JurisdictionDeadline {
  const { receivedAt } = input;
  const j = policy.jurisdiction;
  const zone = zoneFor(j, input.residenceCountry);
  const { at: clockStartAt, restartedBy } = clockStart(j, receivedAt, input.events);
  const rule = { amount: policy.amount, unit: policy.unit };
  const baseDueAt = periodFor(j, clockStartAt, rule, zone);
  // The acknowledgement (CCPA: 10 business days) runs from the request itself.
  const ackDueAt =
    policy.ackAmount && policy.ackUnit
      ? periodFor(j, receivedAt, { amount: policy.ackAmount, unit: policy.ackUnit }, zone)
      : null;
  // Clarification stops the clock only where the law says so (UK); elsewhere pauses are recorded
  // but the date stands (JP: "record requests for clarification"; US-CA: no pause).
  const dueAt = policy.pauseAllowed
    ? addPauses(baseDueAt, clockStartAt, input.spans, zone)
    : baseDueAt;

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
      receivedAt: clockStartAt,
      zone,
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
    jurisdiction: j,
    zone,
    rule,
    clockStartAt,
    restartedBy,
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
  /** The person's country: the GDPR counts in their member state's zone. */
  residenceCountry?: string | null;
  clockEvents?: readonly ClockEventInput[];
  extensions?: readonly ExtensionInput[];
  /** Where a pause is still open, the clock has stood still until now. */
  now?: Date;
}): DeadlineResult {
  const { receivedAt } = input;
  const events = input.clockEvents ?? [];
  const { spans, open } = pausedSpans(events, input.now ?? receivedAt);
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
    deadlineFor(p, {
      receivedAt,
      residenceCountry: input.residenceCountry ?? null,
      events,
      spans,
      open,
      extensions: input.extensions ?? [],
    }),
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
