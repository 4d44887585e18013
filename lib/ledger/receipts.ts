import type { Db } from "@/lib/db";
import type { LegalBasis } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/config";
import { jstDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

import { csvLine } from "./csv";
import { dayBounds } from "./filter";

// Receipt records (APPI Art.30; PPC Rules Art.24): personal data the organisation received from a
// third party, in the reader's language. The person's ledger shows them as "received from", and
// a provision-records request (Art.33(5)) discloses them beside the provision records. The caller
// scopes the subject (lib/data/ledger/list-my-receipts.ts, or the request's own subject).

type Reader = Pick<Db, "receiptRecord" | "dataCategory">;

export interface ReceiptEntry {
  id: string;
  receivedAt: Date;
  provider: { name: string; address: string; representative: string | null };
  acquisitionMethod: string;
  items: string[];
  legalBasis: LegalBasis;
}

/** Most receipt records the ledger page lists; downloads and answers carry them all. */
export const RECEIPTS_PAGE_LIMIT = 500;

export async function receiptEntries(
  db: Reader,
  input: { subjectId: string; locale: Locale; from?: string; to?: string; limit?: number },
): Promise<ReceiptEntry[]> {
  const { fromAt, toBefore } = dayBounds({ from: input.from, to: input.to });
  const rows = await db.receiptRecord.findMany({
    where: { subjectId: input.subjectId, receivedAt: { gte: fromAt, lt: toBefore } },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: input.limit,
  });
  const keys = [...new Set(rows.flatMap((r) => r.items))];
  const categories =
    keys.length === 0
      ? []
      : await db.dataCategory.findMany({
          where: { key: { in: keys } },
          select: { key: true, nameJa: true, nameEn: true },
        });
  const name = new Map(categories.map((c) => [c.key, input.locale === "ja" ? c.nameJa : c.nameEn]));
  return rows.map((r) => ({
    id: r.id,
    receivedAt: r.receivedAt,
    provider: {
      name: r.providerName,
      address: r.providerAddress,
      representative: r.providerRepresentative,
    },
    acquisitionMethod: r.acquisitionMethod,
    items: r.items.map((k) => name.get(k) ?? k),
    legalBasis: r.legalBasis,
  }));
}

export function receiptToJson(entry: ReceiptEntry) {
  return { ...entry, receivedAt: entry.receivedAt.toISOString() };
}

export function receiptCsvHeader(t: Translate): string {
  return csvLine([
    t("ledger.receipts.csv.receivedAt"),
    t("ledger.receipts.csv.provider"),
    t("ledger.receipts.csv.address"),
    t("ledger.receipts.csv.representative"),
    t("ledger.receipts.csv.acquisition"),
    t("ledger.receipts.csv.items"),
    t("ledger.csv.legalBasis"),
  ]);
}

/** The records as a second CSV table after another, under their own title. */
export function receiptsCsvSection(receipts: readonly ReceiptEntry[], t: Translate): string {
  return `\r\n${csvLine([t("ledger.receipts.csv.section")])}${receiptCsvHeader(t)}${receipts
    .map((r) => receiptCsvRow(r, t))
    .join("")}`;
}

export function receiptCsvRow(entry: ReceiptEntry, t: Translate): string {
  return csvLine([
    jstDate(entry.receivedAt),
    entry.provider.name,
    entry.provider.address,
    entry.provider.representative,
    entry.acquisitionMethod,
    entry.items.join(" / "),
    t(`ledger.legalBasis.${entry.legalBasis}`),
  ]);
}
