import type { Db } from "@/lib/db";

import { neverDisclosedKind } from "./denylist";
import type { ItemScope } from "./item-source";
import { CANDIDATE_ORDER, candidateItems } from "./scope-sql";

// The staff preview of a package's candidate items, one page at a time, in the builder's order
// (the same query, scope-sql.ts): a page deep into 100,000 items costs one OFFSET scan.

export type PreviewReader = Pick<Db, "$queryRaw">;

export interface PreviewRow {
  /** Unique per row (a connector may return one ref twice). */
  key: string;
  ref: string;
  origin: "record" | "connector";
  categoryKey: string;
  systemId: string;
  field: string;
  value: string;
  source: string;
  collectedAt: string | null;
}

/** How the candidate items will be treated, counted over the whole scope. */
export interface PreviewCounts {
  total: number;
  /** What the package will contain: the builder's itemCount. */
  included: number;
  /** Withheld by staff, with a reason. */
  withheld: number;
  /** Of a kind never disclosed (denylist.ts). */
  never: number;
}

/**
 * One page of candidate items, and the counts over all of them. The counts group the scope by
 * category and field (a few dozen groups, whatever the number of items), so the denylist runs
 * once per group and the preview promises exactly what the builder will write.
 */
export async function previewItems(
  db: PreviewReader,
  scope: ItemScope,
  page: { offset: number; limit: number },
  redactedRefs: readonly string[] = [],
): Promise<{ rows: PreviewRow[]; total: number; counts: PreviewCounts }> {
  const [rows, groups] = await Promise.all([
    db.$queryRaw<
      (Omit<PreviewRow, "key" | "origin"> & { k1: string; k2: bigint; origin: number })[]
    >`
      SELECT * FROM (${candidateItems(scope)}) u ${CANDIDATE_ORDER}
      LIMIT ${page.limit} OFFSET ${page.offset}`,
    db.$queryRaw<{ categoryKey: string; field: string; n: number; redacted: number }[]>`
      SELECT u."categoryKey", u.field, count(*)::int AS n,
        (count(*) FILTER (WHERE u.ref = ANY(${[...redactedRefs]})))::int AS redacted
      FROM (${candidateItems(scope)}) u GROUP BY u."categoryKey", u.field`,
  ]);
  const counts: PreviewCounts = { total: 0, included: 0, withheld: 0, never: 0 };
  for (const g of groups) {
    counts.total += g.n;
    if (neverDisclosedKind(g)) counts.never += g.n;
    else {
      counts.withheld += g.redacted;
      counts.included += g.n - g.redacted;
    }
  }
  return {
    counts,
    rows: rows.map((r) => ({
      key: `${r.k1}:${r.k2}`,
      ref: r.ref,
      origin: Number(r.origin) === 0 ? "record" : "connector",
      categoryKey: r.categoryKey,
      systemId: r.systemId,
      field: r.field,
      value: r.value,
      source: r.source,
      collectedAt: r.collectedAt,
    })),
    total: counts.total,
  };
}

/** Whether `ref` names a candidate item of this scope (what staff may redact). */
export async function isCandidate(
  db: PreviewReader,
  scope: ItemScope,
  ref: string,
): Promise<boolean> {
  const rows = await db.$queryRaw<{ found: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM (${candidateItems(scope)}) u WHERE u.ref = ${ref}) AS found`;
  return rows[0]?.found ?? false;
}
