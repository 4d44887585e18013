import { z } from "@/lib/validation/zod";

// The request bodies of /api/v1, one item at a time: a batch is checked item by item so an
// answer can name each refused item by its index (lib/integration/api/items.ts).

/** Most items or events one call may carry; more is refused with 413. */
export const MAX_BATCH = 10_000;
/** The byte limit of a push body (10,000 items of ~2 KB). */
export const MAX_PUSH_BYTES = 32 * 1024 * 1024;

// Keys of the data map (categories, purposes, recipients, scenes): no commas, so a list of them
// can travel as one string in the batch insert.
const ZMapKey = z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, "must be a data-map key");
const ZEventId = z.string().min(1).max(200);
const ZInstant = z.iso.datetime({ offset: true });

export const LEGAL_BASES = [
  "CONSENT",
  "OPT_OUT",
  "LAW",
  "USER_APPLICATION",
  "CONTRACT",
  "PROCESSING_ENTRUSTMENT",
] as const;
export const DATA_SOURCES = ["DIRECT", "AUTOMATIC", "THIRD_PARTY", "PUBLIC"] as const;

export const ZProvisionEvent = z.object({
  eventId: ZEventId,
  subject: z.string().min(1).max(200),
  recipient: ZMapKey,
  purpose: ZMapKey,
  scene: ZMapKey.nullish(),
  providedAt: ZInstant,
  periodEnd: ZInstant.nullish(),
  items: z.array(ZMapKey).min(1).max(100),
  legalBasis: z.enum(LEGAL_BASES),
  keepUntil: ZInstant,
});
export type TProvisionEvent = z.infer<typeof ZProvisionEvent>;

/**
 * Personal data received from a third party (APPI Art.30): who provided it (name, address and,
 * for a corporation, its representative), how the provider obtained it, when, and which items.
 */
export const ZReceiptEvent = z.object({
  eventId: ZEventId,
  subject: z.string().min(1).max(200),
  provider: z.object({
    name: z.string().trim().min(1).max(200),
    address: z.string().trim().min(1).max(300),
    representative: z.string().trim().min(1).max(200).nullish(),
  }),
  acquisitionMethod: z.string().trim().min(1).max(1000),
  receivedAt: ZInstant,
  items: z.array(ZMapKey).min(1).max(100),
  legalBasis: z.enum(LEGAL_BASES),
  keepUntil: ZInstant,
});
export type TReceiptEvent = z.infer<typeof ZReceiptEvent>;

export const ZDataItem = z.object({
  eventId: ZEventId,
  category: ZMapKey,
  field: z.string().min(1).max(200),
  value: z.string().max(10_000),
  source: z.enum(DATA_SOURCES).default("DIRECT"),
  sourceNote: z.string().max(1000).default(""),
  collectedAt: ZInstant,
  retainUntil: ZInstant.nullish(),
  linkedToPerson: z.boolean().default(true),
});
export type TDataItem = z.infer<typeof ZDataItem>;

/** The envelope of an event push (provisions, receipts); each event is checked on its own. */
export const ZEventBatch = z.object({ events: z.array(z.unknown()) });
export const ZItemBatch = z.object({ items: z.array(z.unknown()) });

/** An external id as it appears in a path segment. */
export const ZExternalId = z.string().min(1).max(200);
