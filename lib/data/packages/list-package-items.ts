import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import {
  checkKind,
  neverDisclosedKind,
  type NeverDisclosedKind,
  type SensitiveKind,
} from "@/lib/fulfilment/package/denylist";
import { packageFormatsFor } from "@/lib/fulfilment/package/formats";
import {
  resolveItemScope,
  type SystemGap,
  type SystemState,
} from "@/lib/fulfilment/package/item-source";
import { previewItems, type PreviewCounts } from "@/lib/fulfilment/package/preview";
import { withheldReason } from "@/lib/fulfilment/package/withheld-reason";
import type { PackageFormat } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/config";

import { loadPackageRequest } from "./package-request";

export const PREVIEW_PAGE_SIZE = 50;

type CheckKind = Exclude<SensitiveKind, "MY_NUMBER">;

export interface PreviewItem {
  key: string;
  ref: string;
  category: string;
  system: string;
  field: string;
  value: string;
  collectedAt: string | null;
  state:
    | { kind: "included" }
    /** Included unless staff withhold it with a ground: a number or secret worth a look. */
    | { kind: "check"; why: CheckKind }
    | { kind: "redacted"; reason: string }
    | { kind: "never"; why: NeverDisclosedKind };
}

export interface PreviewSource {
  system: string;
  connector: string;
  origin: "records" | "connector";
  state: SystemState;
  gap: SystemGap | null;
}

export interface PackagePreview {
  formats: PackageFormat[];
  /** Where the items of each non-INTERNAL system come from for this request, and their state. */
  sources: PreviewSource[];
  items: PreviewItem[];
  /** Over all the items: what the package will contain, withhold and leave out. */
  counts: PreviewCounts;
  page: number;
  pages: number;
  total: number;
}

/**
 * One page (50 items) of what the package would contain, for staff of a disclosure being
 * fulfilled: each item with its category, system, field and value, and whether it is disclosed,
 * withheld (with the reason) or never included. Pages past the end show the last one.
 */
export async function listPackageItems(options: {
  actor: Actor;
  reference: string;
  page?: number;
  locale: Locale;
}): Promise<PackagePreview> {
  const { actor, locale } = options;
  const request = await loadPackageRequest(actor, options.reference);
  const db = getDb();
  const scope = await resolveItemScope(db, request, locale);
  const redactions = new Map(
    (
      await db.itemRedaction.findMany({
        where: { requestId: request.id },
        select: { itemRef: true, ground: true, reason: true },
      })
    ).map((r) => [r.itemRef, withheldReason(locale, r)]),
  );
  const redactedRefs = [...redactions.keys()];
  const wanted = Math.max(1, Math.floor(options.page ?? 1));
  let result = await previewItems(
    db,
    scope,
    { offset: (wanted - 1) * PREVIEW_PAGE_SIZE, limit: PREVIEW_PAGE_SIZE },
    redactedRefs,
  );
  const pages = Math.max(1, Math.ceil(result.total / PREVIEW_PAGE_SIZE));
  const page = Math.min(wanted, pages);
  if (page !== wanted)
    result = await previewItems(
      db,
      scope,
      { offset: (page - 1) * PREVIEW_PAGE_SIZE, limit: PREVIEW_PAGE_SIZE },
      redactedRefs,
    );
  const categories = new Map(scope.categories.map((c) => [c.key, c.name]));
  const systems = new Map(scope.systems.map((s) => [s.id, s.name]));
  return {
    formats: packageFormatsFor(request.details),
    sources: scope.systems
      .filter((s) => s.connector !== "INTERNAL" && s.task)
      .map((s) => ({
        system: s.name,
        connector: s.connector,
        origin: s.origin,
        state: s.state,
        gap: s.gap,
      })),
    items: result.rows.map((row) => {
      const never = neverDisclosedKind(row);
      const check = checkKind(row);
      const reason = redactions.get(row.ref);
      const category = categories.get(row.categoryKey) ?? row.categoryKey;
      return {
        key: row.key,
        ref: row.ref,
        category,
        system: systems.get(row.systemId) ?? "",
        field: scope.fieldLabels.get(row.systemId, row.field, locale, category),
        // A value that is never disclosed is not shown here either.
        value: never ? "••••" : row.value,
        collectedAt: row.collectedAt,
        state: never
          ? { kind: "never", why: never }
          : reason !== undefined
            ? { kind: "redacted", reason }
            : check
              ? { kind: "check", why: check }
              : { kind: "included" },
      };
    }),
    counts: result.counts,
    page,
    pages,
    total: result.total,
  };
}
