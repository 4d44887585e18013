import { z } from "@/lib/validation/zod";

// The CSV export's period: two real YYYY-MM-DD dates (Japan time), from ≤ to.

const DATE = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && v >= "2000-01-01";
  });

export const ZExportPeriod = z
  .object({ from: DATE, to: DATE })
  .refine((p) => p.from <= p.to, { path: ["to"] });

export function parseExportPeriod(params: URLSearchParams): { from: string; to: string } | null {
  const result = ZExportPeriod.safeParse({
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
  });
  return result.success ? result.data : null;
}
