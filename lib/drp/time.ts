// DRP timestamps are "ISO 8601" with no profile: agents send the extended form
// (2023-12-08T17:05:12.123456+00:00) and the spec's example uses the basic one
// (20210902T152725.403-0700). Both are read; a time without a zone is refused as ambiguous. The
// portal answers in the extended form with its offset.

const EXTENDED =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})$/;
const BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})$/;

export function parseDrpTime(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const m = EXTENDED.exec(value) ?? BASIC.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, fraction = "0", zone] = m;
  const ms = Number(`0.${fraction}`) * 1000;
  const offset = zone === "Z" ? "Z" : `${zone!.slice(0, 3)}:${zone!.slice(-2)}`;
  const date = new Date(
    `${y}-${mo}-${d}T${h}:${mi}:${s}.${String(Math.floor(ms)).padStart(3, "0")}${offset}`,
  );
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The extended form with milliseconds and a UTC offset: 2026-12-06T09:00:00.000+00:00. */
export function formatDrpTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
