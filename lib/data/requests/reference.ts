import type { Tx } from "@/lib/db";

/** The next public reference of the year, e.g. R-2026-000123; the counter row is locked by the upsert. */
export async function nextReference(tx: Tx, now: Date): Promise<string> {
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
