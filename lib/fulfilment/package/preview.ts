import type { Db } from "@/lib/db";
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

/** One page of candidate items, and how many there are in all. */
export async function previewItems(
  db: PreviewReader,
  scope: ItemScope,
  page: { offset: number; limit: number },
): Promise<{ rows: PreviewRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    db.$queryRaw<
      (Omit<PreviewRow, "key" | "origin"> & { k1: string; k2: bigint; origin: number })[]
    >`
      SELECT * FROM (${candidateItems(scope)}) u ${CANDIDATE_ORDER}
      LIMIT ${page.limit} OFFSET ${page.offset}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${candidateItems(scope)}) u`,
  ]);
  return {
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
    total: count[0]?.n ?? 0,
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
