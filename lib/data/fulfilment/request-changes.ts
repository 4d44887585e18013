import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { loadFieldLabels } from "@/lib/data/data-map/field-labels";
import { requestScope } from "@/lib/data/requests/get-request";
import { getDb, type Db } from "@/lib/db";
import { keptReason } from "@/lib/fulfilment/engine/internal/erasure-rule";
import type { AppliedChange, KeptItem, TaskResult } from "@/lib/fulfilment/engine/types";
import type { RecipientClass, RequestType, RestrictionKind } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";
import { recipientDisplayName } from "@/lib/ledger/present";

// What a correction, erasure or stop did, gathered from the request's finished fulfilment tasks
// and its use restrictions: the requester reads it once the request is completed (APPI Art.34(3)
// asks that the person be told the content of a correction), staff at any time.

const NAMED = (locale: Locale) => (r: { nameJa: string; nameEn: string }) =>
  locale === "ja" ? r.nameJa : r.nameEn;

export interface RequestChanges {
  type: RequestType;
  changes: (AppliedChange & { item: string; system: string })[];
  erased: number;
  kept: { item: string; system: string | null; reason: string }[];
  restrictions: {
    kind: RestrictionKind;
    name: string | null;
    recipientClass: RecipientClass | null;
  }[];
  noticesSent: number;
  /** The recipients told of it, by name (processors by the kind of work), and whether each confirmed. */
  told: { name: string; confirmed: boolean }[];
}

/**
 * The request's changes in the reader's language; null when the actor may not see the request,
 * or when a requester asks before it is completed (until then nothing is final).
 */
export async function getRequestChanges(options: {
  actor: Actor;
  reference: string;
  locale: Locale;
}): Promise<RequestChanges | null> {
  const { actor, reference, locale } = options;
  const staff = can(actor.role, "request:read-any");
  const db = getDb();
  const request = await db.request.findFirst({
    where: { AND: [{ reference }, requestScope(actor)] },
    select: { id: true, type: true, status: true },
  });
  if (!request || (!staff && request.status !== "COMPLETED")) return null;
  return collectRequestChanges(db, request, locale);
}

/**
 * The changes of a request the caller has already scoped (the requester's or staff's view
 * above, or a recipient's notice opened by its link, lib/data/fulfilment/notices.ts).
 */
export async function collectRequestChanges(
  db: Db,
  request: { id: string; type: RequestType },
  locale: Locale,
): Promise<RequestChanges> {
  const name = NAMED(locale);
  const [tasks, restrictions, notices, categories, purposes, fieldLabels] = await Promise.all([
    db.fulfilmentTask.findMany({
      where: { requestId: request.id, status: "SUCCEEDED" },
      orderBy: [{ system: { key: "asc" } }, { action: "asc" }],
      select: {
        result: true,
        systemId: true,
        system: { select: { nameJa: true, nameEn: true } },
      },
    }),
    db.useRestriction.findMany({
      where: { requestId: request.id, liftedAt: null },
      orderBy: { effectiveAt: "asc" },
      select: {
        kind: true,
        recipientClass: true,
        purpose: { select: { nameJa: true, nameEn: true } },
        recipient: { select: { nameJa: true, nameEn: true } },
      },
    }),
    db.recipientNotice.findMany({
      where: {
        requestId: request.id,
        OR: [{ sentAt: { not: null } }, { confirmedAt: { not: null } }],
      },
      orderBy: { recipient: { key: "asc" } },
      select: {
        recipientId: true,
        confirmedAt: true,
        recipient: {
          select: {
            nameJa: true,
            nameEn: true,
            recipientClass: true,
            processorCategoryJa: true,
            processorCategoryEn: true,
          },
        },
      },
    }),
    db.dataCategory.findMany({ select: { key: true, nameJa: true, nameEn: true } }),
    db.purpose.findMany({ select: { key: true, nameJa: true, nameEn: true } }),
    loadFieldLabels(db),
  ]);
  const categoryName = new Map(categories.map((c) => [c.key, name(c)]));
  const purposeName = new Map(purposes.map((p) => [`purpose:${p.key}`, name(p)]));
  // An item by its label in the data map (its category's name when it has none yet); a purpose
  // the law keeps by its name.
  const label = (systemId: string, field: string, ref: string, categoryKey?: string) =>
    purposeName.get(ref) ??
    fieldLabels.get(
      systemId,
      field,
      locale,
      (categoryKey && categoryName.get(categoryKey)) || t("fulfilment.actions.result.unnamed"),
    );
  const t = getTranslator(locale);

  const out: RequestChanges = {
    type: request.type,
    changes: [],
    erased: 0,
    kept: [],
    restrictions: restrictions.map((r) => ({
      kind: r.kind,
      name: r.purpose ? name(r.purpose) : r.recipient ? name(r.recipient) : null,
      recipientClass: r.recipientClass,
    })),
    noticesSent: new Set(notices.map((n) => n.recipientId)).size,
    told: toldRecipients(notices, locale),
  };
  const seenPurposes = new Set<string>();
  for (const task of tasks) {
    const result = (task.result ?? {}) as TaskResult;
    const system = name(task.system);
    for (const c of result.changes ?? [])
      out.changes.push({
        ...c,
        item: label(task.systemId, c.field, c.ref, c.categoryKey),
        system,
      });
    out.erased += result.erased ?? 0;
    for (const k of result.kept ?? []) {
      // A purpose the law requires is reported by every system's task: listed once, system-free.
      const purpose = k.reasonCode === "NOT_SUSPENDABLE";
      if (purpose && seenPurposes.has(k.ref)) continue;
      if (purpose) seenPurposes.add(k.ref);
      out.kept.push({
        item: label(task.systemId, k.field, k.ref, k.categoryKey),
        system: purpose ? null : system,
        reason: reasonIn(k, locale),
      });
    }
  }
  return out;
}

/** Each recipient told once, a processor by the kind of work it does rather than by name. */
function toldRecipients(
  notices: {
    recipientId: string;
    confirmedAt: Date | null;
    recipient: {
      nameJa: string;
      nameEn: string;
      recipientClass: RecipientClass;
      processorCategoryJa: string | null;
      processorCategoryEn: string | null;
    };
  }[],
  locale: Locale,
): RequestChanges["told"] {
  const byRecipient = new Map<string, RequestChanges["told"][number]>();
  for (const n of notices) {
    const seen = byRecipient.get(n.recipientId);
    byRecipient.set(n.recipientId, {
      name: recipientDisplayName(n.recipient, locale),
      confirmed: (seen?.confirmed ?? true) && n.confirmedAt !== null,
    });
  }
  return [...byRecipient.values()];
}

/** The reason in the reader's language where it is ours; the organisation's own words as given. */
function reasonIn(kept: KeptItem, locale: Locale): string {
  const t = getTranslator(locale);
  if (kept.reasonCode === "RETENTION" && kept.retainUntil)
    return keptReason({ code: "RETENTION", until: new Date(kept.retainUntil) }, locale);
  if (kept.reasonCode === "NOT_SUSPENDABLE") return t("fulfilment.actions.notSuspendable");
  const generic = (l: Locale) => getTranslator(l)("fulfilment.actions.keptLegalHold");
  if (
    kept.reasonCode === "LEGAL_HOLD" &&
    (kept.reason === generic("ja") || kept.reason === generic("en"))
  )
    return t("fulfilment.actions.keptLegalHold");
  return kept.reason;
}
