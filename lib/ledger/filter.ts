import { z } from "@/lib/validation/zod";

import { RECIPIENT_CLASSES } from "@/lib/requests/vocabulary";

// The ledger's filters, shared by the GET form, the page and the export handlers. Query strings
// carry only keys, classes, dates and opaque cursors — never names or email addresses.

export const LEDGER_PAGE_SIZE = 50;

const KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// providedAt (ISO instant) and record id, joined by "~".
const CURSOR = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z~[A-Za-z0-9_-]{1,64}$/;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

const isRealDate = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};
const ZDate = z.string().regex(DATE, "ledger.filter.invalidDate").refine(isRealDate, {
  message: "ledger.filter.invalidDate",
});

export const ZLedgerFilter = z
  .object({
    recipientClass: optional(z.enum(RECIPIENT_CLASSES, "ledger.filter.invalidClass")),
    recipient: optional(z.string().regex(KEY, "ledger.filter.invalidKey")),
    scene: optional(z.string().regex(KEY, "ledger.filter.invalidKey")),
    from: optional(ZDate),
    to: optional(ZDate),
    after: optional(z.string().regex(CURSOR, "ledger.filter.invalidCursor")),
    before: optional(z.string().regex(CURSOR, "ledger.filter.invalidCursor")),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "ledger.filter.rangeOrder",
    path: ["to"],
  });

export type TLedgerFilter = z.infer<typeof ZLedgerFilter>;
export type TLedgerCursor = { providedAt: Date; id: string };

/** Parses search params leniently: an invalid field is dropped, the rest still applies. */
export function parseLedgerFilter(
  params: Record<string, string | string[] | undefined> | URLSearchParams,
): { filter: TLedgerFilter; errors: Partial<Record<keyof TLedgerFilter, string>> } {
  const raw: Record<string, string | undefined> = {};
  const get = (k: string) =>
    params instanceof URLSearchParams
      ? (params.get(k) ?? undefined)
      : ([params[k]].flat()[0] ?? undefined);
  for (const k of ["recipientClass", "recipient", "scene", "from", "to", "after", "before"])
    raw[k] = get(k)?.trim();
  const result = ZLedgerFilter.safeParse(raw);
  if (result.success) return { filter: result.data, errors: {} };
  const errors: Partial<Record<keyof TLedgerFilter, string>> = {};
  for (const issue of result.error.issues) {
    const key = issue.path[0] as keyof TLedgerFilter;
    errors[key] ??= issue.message;
    delete raw[key];
  }
  const retry = ZLedgerFilter.safeParse(raw);
  return { filter: retry.success ? retry.data : {}, errors };
}

export function encodeCursor(c: TLedgerCursor): string {
  return `${c.providedAt.toISOString()}~${c.id}`;
}

export function decodeCursor(value: string | undefined): TLedgerCursor | undefined {
  if (!value || !CURSOR.test(value)) return undefined;
  const [at, id] = value.split("~") as [string, string];
  return { providedAt: new Date(at), id };
}

/** The search string for the same filters (cursor dropped unless given). */
export function filterToSearch(filter: TLedgerFilter, extra: Record<string, string> = {}): string {
  const entries = Object.entries({
    recipientClass: filter.recipientClass,
    recipient: filter.recipient,
    scene: filter.scene,
    from: filter.from,
    to: filter.to,
    ...extra,
  }).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "");
  return new URLSearchParams(entries).toString();
}

/** Japan-time day bounds: `from` starts at 00:00 JST, `to` ends before the next day's 00:00 JST. */
export function dayBounds(filter: TLedgerFilter): { fromAt?: Date; toBefore?: Date } {
  const jst = (d: string) => new Date(`${d}T00:00:00+09:00`);
  return {
    fromAt: filter.from ? jst(filter.from) : undefined,
    toBefore: filter.to ? new Date(jst(filter.to).getTime() + 86_400_000) : undefined,
  };
}
