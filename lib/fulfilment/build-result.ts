import type { Db } from "@/lib/db";
import type { RequestType } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";
import { CSV_BOM, csvLine, ledgerCsvHeader, ledgerCsvRow } from "@/lib/ledger/csv";
import { entryToJson, presentLedgerRow, type LedgerEntry } from "@/lib/ledger/present";
import { ledgerPageQuery, type LedgerRow } from "@/lib/ledger/query";
import { receiptEntries, receiptsCsvSection, receiptToJson } from "@/lib/ledger/receipts";

// The requester's result for the types the portal answers from its own records: the provision
// records (APPI Art.33(5): the Art.29 records of what was provided and the Art.30 records of what
// was received from third parties) and the purposes of use (Art.32(2)), in the requester's language with
// the same labels as the pages (the ledger's CSV and JSON shapes for provision records). JSON, or
// CSV where the person asked for it. A disclosure is never answered here: it needs the package
// staff check and build (lib/fulfilment/package), and completing one without it is refused.

export const RESULT_TYPES: readonly RequestType[] = ["PROVISION_RECORDS", "PURPOSE_NOTIFICATION"];

type Reader = Pick<
  Db,
  "$queryRawUnsafe" | "systemCategoryPurpose" | "receiptRecord" | "dataCategory"
>;

interface ResultRequest {
  reference: string;
  type: RequestType;
  subjectId: string;
  details: unknown;
  locale: Locale;
}

const PAGE = 1000;

/** The period the person asked about, as days (YYYY-MM-DD); either end may be open. */
function askedPeriod(details: unknown): { from?: string; to?: string } {
  const d = (details ?? {}) as { from?: unknown; to?: unknown };
  const day = (v: unknown) => (typeof v === "string" && v ? v : undefined);
  return { from: day(d.from), to: day(d.to) };
}

/** The subject's provision records in the period and for the recipients the person chose. */
async function provisionEntries(db: Reader, request: ResultRequest): Promise<LedgerEntry[]> {
  const d = (request.details ?? {}) as { recipientKeys?: unknown };
  const period = askedPeriod(request.details);
  const recipients = new Set(
    Array.isArray(d.recipientKeys)
      ? d.recipientKeys.filter((k): k is string => typeof k === "string")
      : [],
  );
  const entries: LedgerEntry[] = [];
  let after: string | undefined;
  for (;;) {
    const query = ledgerPageQuery({
      subjectId: request.subjectId,
      filter: { ...period, after },
      limit: PAGE,
    });
    const rows = await db.$queryRawUnsafe<LedgerRow[]>(query.text, ...query.values);
    for (const row of rows)
      if (recipients.size === 0 || recipients.has(row.recipientKey))
        entries.push(presentLedgerRow(row, request.locale));
    const last = rows[rows.length - 1];
    if (rows.length < PAGE || !last) return entries;
    after = `${last.providedAt.toISOString()}~${last.id}`;
  }
}

/** Each category the portal holds of the person, with the purposes it is used for. */
async function purposeRows(db: Reader, request: ResultRequest) {
  const ja = request.locale === "ja";
  const uses = await db.systemCategoryPurpose.findMany({
    where: {
      category: { items: { some: { subjectId: request.subjectId, erasedAt: null } } },
      system: { items: { some: { subjectId: request.subjectId } } },
    },
    orderBy: [{ category: { sortOrder: "asc" } }, { purpose: { sortOrder: "asc" } }],
    select: {
      category: { select: { key: true, nameJa: true, nameEn: true } },
      purpose: {
        select: { key: true, nameJa: true, nameEn: true, descriptionJa: true, descriptionEn: true },
      },
    },
  });
  const seen = new Set<string>();
  return uses.flatMap((u) => {
    const id = `${u.category.key}|${u.purpose.key}`;
    if (seen.has(id)) return [];
    seen.add(id);
    return [
      {
        category: { key: u.category.key, name: ja ? u.category.nameJa : u.category.nameEn },
        purpose: { key: u.purpose.key, name: ja ? u.purpose.nameJa : u.purpose.nameEn },
        description: ja ? u.purpose.descriptionJa : u.purpose.descriptionEn,
      },
    ];
  });
}

export async function buildResult(
  db: Reader,
  request: ResultRequest,
): Promise<{ bytes: Buffer; format: "JSON" | "CSV" }> {
  const t = getTranslator(request.locale);
  const csv = (request.details as { method?: unknown } | null)?.method === "CSV";
  const head = {
    reference: request.reference,
    type: request.type,
    locale: request.locale,
    generatedAt: new Date().toISOString(),
  };
  if (request.type === "PROVISION_RECORDS") {
    const [entries, receipts] = await Promise.all([
      provisionEntries(db, request),
      receiptEntries(db, {
        subjectId: request.subjectId,
        locale: request.locale,
        ...askedPeriod(request.details),
      }),
    ]);
    if (csv)
      return {
        bytes: Buffer.from(
          CSV_BOM +
            ledgerCsvHeader(t) +
            entries.map((e) => ledgerCsvRow(e, t)).join("") +
            receiptsCsvSection(receipts, t),
          "utf8",
        ),
        format: "CSV",
      };
    const body = {
      ...head,
      entries: entries.map(entryToJson),
      receipts: receipts.map(receiptToJson),
    };
    return { bytes: Buffer.from(JSON.stringify(body, null, 2), "utf8"), format: "JSON" };
  }
  if (request.type === "PURPOSE_NOTIFICATION") {
    const rows = await purposeRows(db, request);
    if (csv) {
      const header = csvLine([
        t("disclosurePackage.col.category"),
        t("disclosurePackage.col.purpose"),
        t("disclosurePackage.col.description"),
      ]);
      const lines = rows.map((r) => csvLine([r.category.name, r.purpose.name, r.description]));
      return { bytes: Buffer.from(CSV_BOM + header + lines.join(""), "utf8"), format: "CSV" };
    }
    const body = { ...head, purposes: rows };
    return { bytes: Buffer.from(JSON.stringify(body, null, 2), "utf8"), format: "JSON" };
  }
  throw new Error(`no portal result for ${request.type}`);
}
