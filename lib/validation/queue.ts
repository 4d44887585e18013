import { z } from "@/lib/validation/zod";

import { ACK_CHANNELS, ENTRY_CHANNELS } from "./choices";
export { ACK_CHANNELS, ENTRY_CHANNELS };

import { REQUEST_TYPES } from "@/lib/requests/vocabulary";
import { locales } from "@/lib/i18n/config";
import { OPEN_STATUSES } from "@/lib/requests/lifecycle";

import { ZNewRequest } from "./requests";

// The staff queue's filters (a GET form: only codes, dates, ids and opaque cursors ever reach the
// URL), its search (kept out of the URL: see lib/actions/staff/set-queue-search.ts), claim and
// reassign, and the form for requests that arrived by phone, post, email or in person.

export const QUEUE_PAGE_SIZE = 50;
export const QUEUE_SORTS = ["due-asc", "due-desc", "received-desc", "received-asc"] as const;
export type TQueueSort = (typeof QUEUE_SORTS)[number];
// Every channel a request can arrive by, DRP (an authorised agent over lib/drp) included; staff
// enter only ENTRY_CHANNELS themselves.
export const QUEUE_CHANNELS = ["WEB", "EMAIL", "PHONE", "POST", "IN_PERSON", "DRP"] as const;
import { JURISDICTIONS } from "@/lib/requests/jurisdiction";

export { JURISDICTIONS };
export const QUEUE_FILERS = ["self", "agent"] as const;
/** "overdue": not yet acknowledged to the requester and past the acknowledgement deadline. */
export const QUEUE_ACK = ["overdue"] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
// The sort column's instant and the request id, joined by "~".
const CURSOR = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z~[A-Za-z0-9_-]{1,64}$/;
export const REFERENCE = /^R-\d{4}-\d{6}$/;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

const isRealDate = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

export const ZQueueFilter = z.object({
  type: optional(z.enum(REQUEST_TYPES, "queue.filter.invalidType")),
  status: optional(z.enum(OPEN_STATUSES, "queue.filter.invalidStatus")),
  jurisdiction: optional(z.enum(JURISDICTIONS, "queue.filter.invalidJurisdiction")),
  // "me", "unassigned", or a staff member's user id.
  assignee: optional(z.string().regex(ID, "queue.filter.invalidAssignee")),
  dueBefore: optional(
    z
      .string()
      .regex(DATE, "queue.filter.invalidDate")
      .refine(isRealDate, "queue.filter.invalidDate"),
  ),
  filer: optional(z.enum(QUEUE_FILERS, "queue.filter.invalidFiler")),
  channel: optional(z.enum(QUEUE_CHANNELS, "queue.filter.invalidChannel")),
  ack: optional(z.enum(QUEUE_ACK, "queue.filter.invalidAck")),
  sort: optional(z.enum(QUEUE_SORTS, "queue.filter.invalidSort")),
  after: optional(z.string().regex(CURSOR, "queue.filter.invalidCursor")),
  before: optional(z.string().regex(CURSOR, "queue.filter.invalidCursor")),
});

export type TQueueFilter = z.infer<typeof ZQueueFilter>;
const FILTER_KEYS = Object.keys(ZQueueFilter.shape) as (keyof TQueueFilter)[];

/** Parses search params leniently: an invalid field is dropped (and reported), the rest applies. */
export function parseQueueFilter(
  params: Record<string, string | string[] | undefined> | URLSearchParams,
): { filter: TQueueFilter; errors: Partial<Record<keyof TQueueFilter, string>> } {
  const raw: Record<string, string | undefined> = {};
  const get = (k: string) =>
    params instanceof URLSearchParams
      ? (params.get(k) ?? undefined)
      : ([params[k]].flat()[0] ?? undefined);
  for (const k of FILTER_KEYS) raw[k] = get(k)?.trim();
  const result = ZQueueFilter.safeParse(raw);
  if (result.success) return { filter: result.data, errors: {} };
  const errors: Partial<Record<keyof TQueueFilter, string>> = {};
  for (const issue of result.error.issues) {
    const key = issue.path[0] as keyof TQueueFilter;
    errors[key] ??= issue.message;
    delete raw[key];
  }
  const retry = ZQueueFilter.safeParse(raw);
  return { filter: retry.success ? retry.data : {}, errors };
}

/** The search string for the same filters and sort; cursors only when given in `extra`. */
export function queueFilterToSearch(
  filter: TQueueFilter,
  extra: Record<string, string> = {},
): string {
  const { after: _after, before: _before, ...kept } = filter;
  const entries = Object.entries({ ...kept, ...extra }).filter(
    (e): e is [string, string] => typeof e[1] === "string" && e[1] !== "",
  );
  return new URLSearchParams(entries).toString();
}

export interface TQueueCursor {
  at: Date;
  id: string;
}

export function encodeQueueCursor(c: TQueueCursor): string {
  return `${c.at.toISOString()}~${c.id}`;
}

export function decodeQueueCursor(value: string | undefined): TQueueCursor | undefined {
  if (!value || !CURSOR.test(value)) return undefined;
  const [at, id] = value.split("~") as [string, string];
  return { at: new Date(at), id };
}

// ─────────────── Search: a reference (exact) or a subject (name, kana or email) ───────────────

export const ZQueueSearch = z.object({
  term: z.string().trim().max(100, "queue.search.tooLong"),
  locale: z.enum(locales),
});
export type TQueueSearch = z.infer<typeof ZQueueSearch>;

export type QueueSearch = { reference: string } | { subject: string };

/** Hiragana to katakana, so "やまだ" finds the kana "ヤマダ" the forms store. */
const toKatakana = (s: string) =>
  s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

/** How the queue reads a search term; undefined for an empty one. */
export function classifySearch(term: string | undefined): QueueSearch | undefined {
  const trimmed = term?.trim() ?? "";
  if (trimmed === "") return undefined;
  const upper = trimmed.toUpperCase();
  if (REFERENCE.test(upper)) return { reference: upper };
  // Names are compared without spaces (full-width ones too), so "山田 花子" finds "山田花子".
  return { subject: toKatakana(trimmed.replace(/[\s\u3000]+/g, "")) };
}

// ─────────────── Claim and reassign ───────────────

export const ZClaimRequest = z.object({
  reference: z.string().regex(REFERENCE, "validation.invalid"),
});
export type TClaimRequest = z.infer<typeof ZClaimRequest>;

export const ZRecordAcknowledgement = ZClaimRequest.extend({
  channel: z.enum(ACK_CHANNELS, "queue.ack.chooseChannel"),
});
export type TRecordAcknowledgement = z.infer<typeof ZRecordAcknowledgement>;

export const ZReassignRequest = ZClaimRequest.extend({
  assigneeId: z.string().regex(ID, "queue.assign.chooseStaff"),
  // The assignee the page showed ("" = unassigned): a change since then is a conflict.
  expectedAssigneeId: z.union([z.literal(""), z.string().regex(ID)]),
});
export type TReassignRequest = z.infer<typeof ZReassignRequest>;

// ─────────────── Requests entered by staff ───────────────

/** Today's date in Japan time (YYYY-MM-DD), where the organisation's deadlines are counted. */
export function todayInJapan(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

export const ZFindSubject = z.object({
  email: z.email("validation.email").max(254, "validation.email"),
});
export type TFindSubject = z.infer<typeof ZFindSubject>;

const ZEntry = z.object({
  channel: z.enum(ENTRY_CHANNELS, "queue.enter.errors.channel"),
  receivedOn: z
    .string()
    .regex(DATE, "validation.date")
    .refine(isRealDate, "validation.date")
    .refine((d) => d >= "2000-01-01", "validation.date")
    .refine((d) => d <= todayInJapan(), "queue.enter.errors.receivedInFuture"),
  // An existing Subject's id, or "" for a person entered below (name, kana, birth date…).
  subjectId: z.union([z.literal(""), z.string().regex(ID, "validation.invalid")]),
  email: z.union([z.literal(""), z.email("validation.email").max(254, "validation.email")]),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{3}-?\d{4})?$/, "queue.enter.errors.postalCode"),
  address: z.string().trim().max(300, "validation.addressTooLong"),
  // The language the requester is answered in.
  locale: z.enum(locales),
});

/**
 * A request a staff member enters: the six types' shared schema (ZNewRequest, the same the web
 * wizard uses) plus how and when it arrived and whom it is about.
 */
export const ZEnterRequest = ZNewRequest.and(ZEntry);
export type TEnterRequest = z.infer<typeof ZEnterRequest>;

/**
 * The queue's search term lives in this cookie (httpOnly, SameSite=Strict, 15 minutes, path
 * /<locale>/staff), never in the URL: a name or an email address must not end up in browser
 * history, proxy logs or Referer headers.
 */
export const QUEUE_SEARCH_COOKIE = "dsar-queue-search";
export const QUEUE_SEARCH_MAX_AGE = 15 * 60;
