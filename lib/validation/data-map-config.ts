import { z } from "@/lib/validation/zod";

import { CONNECTOR_KINDS, DATA_CLASSES, DATA_SOURCES, TRANSFER_SAFEGUARDS } from "./choices";
export { CONNECTOR_KINDS, DATA_CLASSES, DATA_SOURCES, TRANSFER_SAFEGUARDS };

import { RECIPIENT_CLASSES } from "@/lib/requests/vocabulary";

// The data map's configuration forms (systems, categories, purposes, recipients), shared by the
// manager's forms and the server actions. Messages are catalogue keys (settingsDataMap section).
// Every form holds strings only, so what react-hook-form keeps is exactly what the action parses.

const required = (max: number) =>
  z.string().trim().min(1, "validation.required").max(max, "validation.tooLong");
const optional = (max: number) => z.string().trim().max(max, "validation.tooLong");

/** Keys are referred to by requests, the ledger and the systems' wire format: plain and short. */
const key = z
  .string()
  .trim()
  .min(1, "validation.required")
  .max(64, "validation.tooLong")
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "settingsDataMap.errors.keyFormat");

/** Present when editing; the key is then ignored (keys never change after creation). */
const id = z.string().max(64).optional();

const sortOrder = z
  .string()
  .trim()
  .regex(/^-?\d{1,6}$/, "validation.number");

const names = {
  nameJa: required(200),
  nameEn: required(200),
  descriptionJa: optional(2000),
  descriptionEn: optional(2000),
};

/** Loopback hosts may use plain http (a system on the same machine); anything else needs https. */
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isAllowedEndpoint(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && LOOPBACK.has(url.hostname);
}

/** Mirrors ZEmailConfig (lib/fulfilment/engine/connectors/email). */
export const REMIND_RANGE = { min: 1, max: 30 } as const;
export const REMINDERS_RANGE = { min: 0, max: 10 } as const;

const inRange = (value: string, range: { min: number; max: number }) =>
  /^\d{1,3}$/.test(value) && Number(value) >= range.min && Number(value) <= range.max;

/** Mirrors ZHttpConfig.timeoutMs (lib/fulfilment/engine/wire.ts). */
export const TIMEOUT_RANGE = { min: 100, max: 120_000 } as const;

export const ZSystemConfig = z
  .object({
    id,
    key,
    ...names,
    connector: z.enum(CONNECTOR_KINDS, "settingsDataMap.errors.chooseConnector"),
    endpoint: z.string().trim().max(2000, "validation.tooLong"),
    timeoutMs: z.string().trim(),
    // EMAIL: who receives the system's tasks, in which language, and how often they are reminded.
    mailTo: z.string().trim().max(254, "validation.tooLong"),
    mailLocale: z.enum(["ja", "en"], "validation.invalid"),
    remindEveryDays: z.string().trim(),
    maxReminders: z.string().trim(),
  })
  .superRefine((v, ctx) => {
    if (v.connector === "EMAIL") {
      if (!z.email().safeParse(v.mailTo).success)
        ctx.addIssue({
          code: "custom",
          path: ["mailTo"],
          message: v.mailTo ? "validation.email" : "validation.required",
        });
      if (!inRange(v.remindEveryDays, REMIND_RANGE))
        ctx.addIssue({
          code: "custom",
          path: ["remindEveryDays"],
          message: "settingsDataMap.errors.remindEvery",
        });
      if (!inRange(v.maxReminders, REMINDERS_RANGE))
        ctx.addIssue({
          code: "custom",
          path: ["maxReminders"],
          message: "settingsDataMap.errors.maxReminders",
        });
    }
    if (v.connector !== "HTTP") return;
    if (!isAllowedEndpoint(v.endpoint))
      ctx.addIssue({
        code: "custom",
        path: ["endpoint"],
        message: v.endpoint ? "settingsDataMap.errors.endpoint" : "validation.required",
      });
    const ms = Number(v.timeoutMs);
    if (!/^\d+$/.test(v.timeoutMs) || ms < TIMEOUT_RANGE.min || ms > TIMEOUT_RANGE.max)
      ctx.addIssue({
        code: "custom",
        path: ["timeoutMs"],
        message: "settingsDataMap.errors.timeout",
      });
  });
export type TSystemConfig = z.infer<typeof ZSystemConfig>;

export const ZCategoryConfig = z.object({
  id,
  key,
  ...names,
  dataClass: z.enum(DATA_CLASSES, "settingsDataMap.errors.chooseDataClass"),
  // What the privacy notice says of the category (ISO/IEC 29184 5.3.5, 5.3.9): how it is
  // obtained (checkboxes; none ticked is an empty list) and how long it is kept.
  sources: z.array(z.enum(DATA_SOURCES)).max(DATA_SOURCES.length),
  retentionJa: optional(500),
  retentionEn: optional(500),
  sortOrder,
});
export type TCategoryConfig = z.infer<typeof ZCategoryConfig>;

/** A purpose that cannot be stopped says why, in both languages, wherever a person chooses. */
export const ZPurposeConfig = z
  .object({
    id,
    key,
    ...names,
    suspendable: z.boolean(),
    gpcOptOut: z.boolean(),
    suspensionNoteJa: optional(1000),
    suspensionNoteEn: optional(1000),
    sortOrder,
  })
  .superRefine((p, ctx) => {
    if (p.suspendable) return;
    for (const field of ["suspensionNoteJa", "suspensionNoteEn"] as const)
      if (!p[field])
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: "settingsDataMap.errors.suspensionNoteRequired",
        });
  });
export type TPurposeConfig = z.infer<typeof ZPurposeConfig>;

export const ZRecipientConfig = z
  .object({
    id,
    key,
    ...names,
    recipientClass: z.enum(RECIPIENT_CLASSES, "settingsDataMap.errors.chooseRecipientClass"),
    country: z.string().trim().toUpperCase(),
    regimeNoteJa: optional(4000),
    regimeNoteEn: optional(4000),
    measuresJa: optional(4000),
    measuresEn: optional(4000),
    processorCategoryJa: optional(200),
    processorCategoryEn: optional(200),
    /** For the record of opt-out provision (APPI Art.29 with Art.27(2)). */
    address: optional(500),
    representative: optional(200),
    /** For a recipient abroad, the transfer's safeguard (GDPR Art.44-49); empty: none on record. */
    transferSafeguard: z.union([z.literal(""), z.enum(TRANSFER_SAFEGUARDS)], "validation.invalid"),
    /** Where onward notices go (GDPR Art.19); empty: staff tell the recipient another way. */
    noticeEmail: z
      .string()
      .trim()
      .max(254, "validation.tooLong")
      .refine((v) => v === "" || z.email().safeParse(v).success, "validation.email"),
    /** Or the recipient's system: notices POSTed there, signed (https; http on loopback only). */
    noticeWebhookUrl: z
      .string()
      .trim()
      .max(2000, "validation.tooLong")
      .refine((v) => v === "" || isAllowedEndpoint(v), "settingsDataMap.errors.endpoint"),
    /** An advertising platform or a party data is sold or shared with: a GPC signal stops it. */
    gpcOptOut: z.boolean(),
  })
  .superRefine((v, ctx) => {
    const need = (field: keyof typeof v, message = "validation.required") => {
      if (!v[field]) ctx.addIssue({ code: "custom", path: [field], message });
    };
    // APPI Art.28: a recipient abroad is published with its country, that country's regime for
    // personal information and the recipient's own measures.
    if (v.recipientClass === "FOREIGN_THIRD_PARTY") {
      need("country", "settingsDataMap.errors.countryRequired");
      for (const f of ["regimeNoteJa", "regimeNoteEn", "measuresJa", "measuresEn"] as const)
        need(f);
    }
    // Processors are published by the kind of work entrusted, never by name.
    if (v.recipientClass === "PROCESSOR") {
      need("processorCategoryJa");
      need("processorCategoryEn");
    }
    if (v.country && !/^[A-Z]{2}$/.test(v.country))
      ctx.addIssue({
        code: "custom",
        path: ["country"],
        message: "settingsDataMap.errors.country",
      });
  });
export type TRecipientConfig = z.infer<typeof ZRecipientConfig>;

/** Which categories a system uses for which purpose: "categoryId:purposeId" pairs. */
export const ZSystemUses = z.object({
  systemId: z.string().min(1).max(64),
  pairs: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{1,64}$/)).max(5000),
});
export type TSystemUses = z.infer<typeof ZSystemUses>;

/**
 * What one system's fields are called: every field a person is shown carries its label. A row
 * with both labels empty is a field left unnamed (people see its category's name); a named one
 * needs both languages.
 */
export const ZFieldLabel = z.object({
  key: z.string().trim().max(100, "validation.tooLong"),
  labelJa: z.string().trim().max(200, "validation.tooLong"),
  labelEn: z.string().trim().max(200, "validation.tooLong"),
});
export const ZSystemFields = z
  .object({
    systemId: z.string().min(1).max(64),
    fields: z.array(ZFieldLabel).max(500),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.fields.forEach((f, i) => {
      const issue = (field: keyof typeof f, message: string) =>
        ctx.addIssue({ code: "custom", path: ["fields", i, field], message });
      if (!f.labelJa && !f.labelEn) return;
      if (!f.key) issue("key", "validation.required");
      if (!f.labelJa) issue("labelJa", "validation.required");
      if (!f.labelEn) issue("labelEn", "validation.required");
      if (seen.has(f.key)) issue("key", "settingsDataMap.errors.keyTaken");
      seen.add(f.key);
    });
  });
export type TFieldLabel = z.infer<typeof ZFieldLabel>;
export type TSystemFields = z.infer<typeof ZSystemFields>;

export const ZConfigId = z.object({ id: z.string().min(1).max(64) });
export type TConfigId = z.infer<typeof ZConfigId>;
