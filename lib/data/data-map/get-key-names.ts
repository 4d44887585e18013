import "server-only";

import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";

/** Display names for the data-map keys a request's details refer to, in one language. */
export async function getKeyNames(options: { locale: Locale }): Promise<Record<string, string>> {
  const db = getDb();
  const pick = (r: { key: string; nameJa: string; nameEn: string }): [string, string] =>
    [r.key, options.locale === "ja" ? r.nameJa : r.nameEn] as const;
  const select = { key: true, nameJa: true, nameEn: true } as const;
  const [categories, purposes, recipients] = await Promise.all([
    db.dataCategory.findMany({ select }),
    db.purpose.findMany({ select }),
    db.recipient.findMany({ select }),
  ]);
  // Keys are unique within each table; prefixes keep the three apart.
  return Object.fromEntries([
    ...categories.map(pick).map(([k, v]): [string, string] => [`category:${k}`, v]),
    ...purposes.map(pick).map(([k, v]): [string, string] => [`purpose:${k}`, v]),
    ...recipients.map(pick).map(([k, v]): [string, string] => [`recipient:${k}`, v]),
  ]);
}
