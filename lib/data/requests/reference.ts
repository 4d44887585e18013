import { AUDIT_LOCK } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";

/**
 * The next public reference of the year, e.g. R-2026-000123; the counter row is locked by the
 * upsert until the transaction ends. Every filing audits in the same transaction, some before
 * this (a new subject) and some after: the audit chain's lock is taken first here, so every
 * filing takes the two in the same order. Taken the other way round, two filings at once
 * deadlocked (one holding the chain and waiting for the counter, the other the reverse).
 */
export async function nextReference(tx: Tx, now: Date): Promise<string> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const year = Number(
    new Intl.DateTimeFormat("en", { timeZone: "Asia/Tokyo", year: "numeric" }).format(now),
  );
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "RequestCounter" ("year", "value") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "value" = "RequestCounter"."value" + 1
    RETURNING "value"`;
  const value = rows[0]?.value;
  if (value === undefined) throw new Error("reference counter returned no row");
  return formatReference(year, value);
}

export function formatReference(year: number, value: number): string {
  return `R-${year}-${String(value).padStart(6, "0")}`;
}
