import type { Db } from "@/lib/db";
import type { Jurisdiction } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";
import { countryName, recipientDisplayName } from "@/lib/ledger/present";
import { transferLaws } from "@/lib/requests/transfers";
import { complaintAuthorities } from "@/lib/data/requests/complaint-authorities";

import type { ItemScope } from "./item-source";
import { connectorFromWhere, recordWhere } from "./scope-sql";
import type { RecipientEntry, RetentionEntry, SourceEntry, Supplement } from "./types";

// The supplementary information a readable disclosure carries beside the items (APPI Art.32(1)
// matters the person may ask about, Art.33(5) provision records): purposes of use for the
// categories disclosed, how each category was obtained (取得の経緯), who received the data, and
// how long it is kept. Everything is aggregated in SQL, so 100,000 items cost a few GROUP BYs.

export type SupplementReader = Pick<
  Db,
  | "organisation"
  | "systemCategoryPurpose"
  | "recipient"
  | "personalDataItem"
  | "supervisoryAuthority"
  | "$queryRaw"
>;

/** The laws whose supplementary information the package carries (GDPR Art.15(1)-(2) for EU/UK). */
const GDPR_LIKE: readonly Jurisdiction[] = ["EU", "UK"];

// More distinct notes than this per category and way are summarised by the most common ones.
const NOTES_PER_WAY = 10;

interface Aggregate {
  categoryKey: string | null;
  systemId: string;
  source: string;
  sourceNote: string;
  n: number;
}

async function aggregates(db: SupplementReader, scope: ItemScope): Promise<Aggregate[]> {
  const records = db.$queryRaw<Aggregate[]>`
    SELECT c.key AS "categoryKey", i."systemId", i.source::text AS source, i."sourceNote",
      count(*)::int AS n
    FROM "PersonalDataItem" i JOIN "DataCategory" c ON c.id = i."categoryId"
    WHERE ${recordWhere(scope)}
    GROUP BY 1, 2, 3, 4`;
  const connector =
    scope.connectorTaskIds.length === 0
      ? Promise.resolve([])
      : db.$queryRaw<Aggregate[]>`
    SELECT e.item->>'categoryKey' AS "categoryKey", t."systemId",
      coalesce(e.item->>'source', '') AS source, coalesce(e.item->>'sourceNote', '') AS "sourceNote",
      count(*)::int AS n
    FROM ${connectorFromWhere(scope)}
    GROUP BY 1, 2, 3, 4`;
  return (await Promise.all([records, connector])).flat();
}

function sources(rows: Aggregate[], categoryName: (key: string) => string): SourceEntry[] {
  const byCategory = new Map<string, Map<string, Map<string, number>>>();
  for (const row of rows) {
    const key = row.categoryKey ?? "";
    const ways = byCategory.get(key) ?? new Map<string, Map<string, number>>();
    byCategory.set(key, ways);
    const notes = ways.get(row.source) ?? new Map<string, number>();
    ways.set(row.source, notes);
    notes.set(row.sourceNote, (notes.get(row.sourceNote) ?? 0) + row.n);
  }
  return [...byCategory].map(([key, ways]) => ({
    category: categoryName(key),
    ways: [...ways].map(([source, notes]) => ({
      source,
      notes: [...notes]
        .filter(([note]) => note.trim() !== "")
        .sort((a, b) => b[1] - a[1])
        .slice(0, NOTES_PER_WAY)
        .map(([note]) => note),
    })),
  }));
}

async function retention(
  db: SupplementReader,
  scope: ItemScope,
  categoryName: (key: string) => string,
): Promise<RetentionEntry[]> {
  const rows = await db.$queryRaw<
    { categoryKey: string; until: Date | null; untilPurpose: boolean; holds: string[] }[]
  >`
    SELECT c.key AS "categoryKey", max(i."retainUntil") AS until,
      bool_or(i."retainUntil" IS NULL) AS "untilPurpose",
      coalesce(array_agg(DISTINCT i."legalHoldReason") FILTER (
        WHERE i."legalHold" AND i."legalHoldReason" IS NOT NULL), '{}') AS holds
    FROM "PersonalDataItem" i JOIN "DataCategory" c ON c.id = i."categoryId"
    WHERE ${recordWhere(scope)}
    GROUP BY c.key, c."sortOrder" ORDER BY c."sortOrder", c.key`;
  return rows.map((r) => ({
    category: categoryName(r.categoryKey),
    until: r.until,
    untilPurpose: r.untilPurpose,
    legalHolds: r.holds,
  }));
}

async function recipients(
  db: SupplementReader,
  scope: ItemScope,
  locale: Locale,
  jurisdictions: readonly Jurisdiction[],
): Promise<RecipientEntry[]> {
  const t = getTranslator(locale);
  const rows = await db.$queryRaw<{ recipientId: string; n: number; first: Date; last: Date }[]>`
    SELECT p."recipientId", count(*)::int AS n, min(p."providedAt") AS first,
      max(coalesce(p."periodEnd", p."providedAt")) AS last
    FROM "ProvisionRecord" p
    WHERE p."subjectId" = ${scope.subjectId}
      ${scope.categoryKeys ? Prisma.sql`AND p.items && ${scope.categoryKeys}::text[]` : Prisma.empty}
    GROUP BY p."recipientId"`;
  if (rows.length === 0) return [];
  const found = await db.recipient.findMany({
    where: { id: { in: rows.map((r) => r.recipientId) } },
  });
  const pick = (ja: string | null, en: string | null) => (locale === "ja" ? ja : en) || ja || "";
  return rows
    .flatMap((row) => {
      const r = found.find((f) => f.id === row.recipientId);
      if (!r) return [];
      return [
        {
          name: recipientDisplayName(r, locale),
          recipientClass: r.recipientClass,
          count: row.n,
          from: row.first,
          to: row.last,
          foreign: r.country
            ? {
                country: r.country,
                countryName: countryName(locale, r.country),
                regime: pick(r.regimeNoteJa, r.regimeNoteEn),
                measures: pick(r.measuresJa, r.measuresEn),
                ...(transferLaws(jurisdictions, r.country).length > 0 && {
                  safeguard: r.transferSafeguard
                    ? t(`transferSafeguard.${r.transferSafeguard}`)
                    : null,
                }),
              }
            : null,
        },
      ];
    })
    .sort((a, b) => b.to.getTime() - a.to.getTime() || a.name.localeCompare(b.name));
}

/** The supplementary information for the items in `scope`, in the reader's language. */
export async function loadSupplement(
  db: SupplementReader,
  scope: ItemScope,
  locale: Locale,
  law: { jurisdictions: readonly Jurisdiction[]; residenceCountry: string | null } = {
    jurisdictions: ["JP"],
    residenceCountry: null,
  },
): Promise<Supplement> {
  const categoryNames = new Map(scope.categories.map((c) => [c.key, c.name]));
  const categoryName = (key: string) => categoryNames.get(key) ?? key;
  const [org, rows, kept, provided, uses, authorities] = await Promise.all([
    db.organisation.findFirst(),
    aggregates(db, scope),
    retention(db, scope, categoryName),
    recipients(db, scope, locale, law.jurisdictions),
    db.systemCategoryPurpose.findMany({
      select: {
        systemId: true,
        category: { select: { key: true } },
        purpose: {
          select: {
            key: true,
            nameJa: true,
            nameEn: true,
            descriptionJa: true,
            descriptionEn: true,
            sortOrder: true,
          },
        },
      },
    }),
    complaintAuthorities(db, law),
  ]);
  // Purposes for the (system, category) pairs the package actually holds.
  const held = new Set(rows.map((r) => `${r.systemId}|${r.categoryKey ?? ""}`));
  const purposes = new Map<
    string,
    { sortOrder: number; name: string; description: string; categories: Set<string> }
  >();
  for (const use of uses) {
    if (!held.has(`${use.systemId}|${use.category.key}`)) continue;
    const p = use.purpose;
    const entry = purposes.get(p.key) ?? {
      sortOrder: p.sortOrder,
      name: locale === "ja" ? p.nameJa : p.nameEn || p.nameJa,
      description: locale === "ja" ? p.descriptionJa : p.descriptionEn || p.descriptionJa,
      categories: new Set<string>(),
    };
    entry.categories.add(use.category.key);
    purposes.set(p.key, entry);
  }
  const order = new Map(scope.categories.map((c, i) => [c.key, i]));
  const byOrder = (a: string, b: string) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9);
  const name = org ? (locale === "ja" ? org.nameJa : org.nameEn || org.nameJa) : "";
  const address = org ? (locale === "ja" ? org.addressJa : org.addressEn || org.addressJa) : "";
  return {
    organisation: {
      name,
      department: org
        ? locale === "ja"
          ? org.departmentJa
          : org.departmentEn || org.departmentJa
        : "",
      address,
      contact: [org?.contactEmail, org?.contactPhone, address].filter(Boolean).join(" / "),
    },
    purposes: [...purposes.values()]
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((p) => ({
        name: p.name,
        description: p.description,
        categories: [...p.categories].sort(byOrder).map(categoryName),
      })),
    sources: sources(
      rows.sort((a, b) => byOrder(a.categoryKey ?? "", b.categoryKey ?? "")),
      categoryName,
    ),
    recipients: provided,
    retention: kept,
    complaint: authorities.map((a) => ({
      name: locale === "ja" ? a.nameJa : a.nameEn,
      contact: locale === "ja" ? a.contactJa : a.contactEn,
      url: a.url,
    })),
    automatedDecisions: law.jurisdictions.some((j) => GDPR_LIKE.includes(j))
      ? (locale === "ja" ? org?.automatedDecisionsJa : org?.automatedDecisionsEn) ||
        (org?.automatedDecisionsJa ?? "")
      : null,
  };
}
