import "server-only";

import { withLaggingDb } from "@/lib/db-replica";
import { FIRST_PART, REST_PART, TALLIES } from "@/lib/data/tallies";
import type {
  DataClass,
  DataSource,
  LawEnforcementBasis,
  RecipientClass,
} from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/config";

import { AUTHORITY_FIELDS } from "../requests/complaint-authorities";

// Everything the public transparency page shows, from the database, in one locale. Public by
// design: only the organisation's own descriptions and aggregate counts, never a subject's data
// or a row of the ledger. The result is plain JSON (no Dates) so the page can cache it.

const SOURCES = ["DIRECT", "AUTOMATIC", "THIRD_PARTY", "PUBLIC"] as const satisfies DataSource[];
/** How many kinds of information each scene lists as examples (the most often provided). */
const SCENE_ITEMS = 4;

interface ItemSourceRow {
  categoryId: string;
  source: DataSource;
  items: number;
}
interface SceneClassRow {
  sceneId: string | null;
  recipientClass: RecipientClass;
  provisions: number;
}
interface SceneItemRow {
  sceneId: string;
  item: string;
  provisions: number;
}
interface LawEnforcementRow {
  year: number;
  basis: LawEnforcementBasis;
  count: number;
}

/** The cache tag under which pages keep these facts; every manager change they show flushes it. */
export const TRANSPARENCY_TAG = "transparency";

export type Transparency = NonNullable<Awaited<ReturnType<typeof getTransparency>>>;

/** The transparency page's facts, localised; null before the organisation is set up. */
export async function getTransparency(options: { locale: Locale }) {
  const ja = options.locale === "ja";
  // Reads that tolerate a second of lag: the replica when there is one (lib/db-replica.ts).
  const [
    org,
    categories,
    itemSources,
    purposes,
    recipients,
    scenes,
    sceneClasses,
    sceneItems,
    lawEnforcement,
    deadline,
    authorities,
  ] = await withLaggingDb((db) =>
    Promise.all([
      db.organisation.findUnique({ where: { id: "org" } }),
      db.dataCategory.findMany({ orderBy: [{ sortOrder: "asc" }, { key: "asc" }] }),
      // Counts from the tallies the database keeps (lib/data/tallies.ts): their cost is set by
      // the scenes, recipients and categories, not by how many records and items there are.
      db.$queryRawUnsafe<ItemSourceRow[]>(`
      SELECT ${FIRST_PART("t.key")} AS "categoryId", ${REST_PART("t.key")} AS source,
        sum(t.n)::int AS items
      FROM ${TALLIES} t WHERE t.dimension = 'item:category-source'
      GROUP BY t.key HAVING sum(t.n) <> 0`),
      db.purpose.findMany({ orderBy: [{ sortOrder: "asc" }, { key: "asc" }] }),
      db.recipient.findMany({ orderBy: [{ recipientClass: "asc" }, { key: "asc" }] }),
      db.scene.findMany({ orderBy: [{ sortOrder: "asc" }, { key: "asc" }] }),
      db.$queryRawUnsafe<SceneClassRow[]>(`
      SELECT nullif(${FIRST_PART("t.key")}, '') AS "sceneId",
        r."recipientClass"::text AS "recipientClass", sum(t.n)::int AS provisions
      FROM ${TALLIES} t JOIN "Recipient" r ON r.id = ${REST_PART("t.key")}
      WHERE t.dimension = 'provision:scene-recipient'
      GROUP BY 1, 2 HAVING sum(t.n) <> 0`),
      db.$queryRawUnsafe<SceneItemRow[]>(`
      SELECT ${FIRST_PART("t.key")} AS "sceneId", ${REST_PART("t.key")} AS item,
        sum(t.n)::int AS provisions
      FROM ${TALLIES} t WHERE t.dimension = 'provision:scene-item'
      GROUP BY t.key HAVING sum(t.n) <> 0`),
      // Years in Japan time: the register and its yearly report are kept there.
      db.$queryRaw<LawEnforcementRow[]>`
      SELECT extract(year FROM "disclosedAt" AT TIME ZONE 'Asia/Tokyo')::int AS year,
             basis::text AS basis, count(*)::int AS count
      FROM "LawEnforcementDisclosure"
      WHERE decision <> 'REFUSED'
      GROUP BY 1, 2`,
      db.deadlinePolicy.findFirst({
        where: { jurisdiction: "JP", requestType: null },
        select: { amount: true, unit: true },
      }),
      // Each law's authority (a member state's own ones are named on a request, not here).
      db.supervisoryAuthority.findMany({
        where: { NOT: { key: { startsWith: "EU-" } } },
        orderBy: { jurisdiction: "asc" },
        select: AUTHORITY_FIELDS,
      }),
    ]),
  );
  if (!org) return null;

  const categoryName = new Map(categories.map((c) => [c.key, ja ? c.nameJa : c.nameEn]));
  const sourceCounts = new Map<string, Map<DataSource, number>>();
  for (const row of itemSources) {
    const counts = sourceCounts.get(row.categoryId) ?? new Map<DataSource, number>();
    counts.set(row.source, row.items);
    sourceCounts.set(row.categoryId, counts);
  }

  const classProvisions = new Map<RecipientClass, number>();
  for (const row of sceneClasses)
    classProvisions.set(
      row.recipientClass,
      (classProvisions.get(row.recipientClass) ?? 0) + row.provisions,
    );

  const yearly = new Map<number, Record<LawEnforcementBasis, number>>();
  for (const row of lawEnforcement) {
    const counts = yearly.get(row.year) ?? { WARRANT: 0, INQUIRY: 0, OTHER_LAW: 0 };
    counts[row.basis] += row.count;
    yearly.set(row.year, counts);
  }

  return {
    organisation: {
      name: ja ? org.nameJa : org.nameEn,
      address: ja ? org.addressJa : org.addressEn,
      email: org.contactEmail,
      phone: org.contactPhone,
      representative: org.representative,
      disclosureFeeYen: org.disclosureFeeYen,
      purposeNotificationFeeYen: org.purposeNotificationFeeYen,
      lawEnforcementPolicy: ja ? org.lawEnforcementPolicyJa : org.lawEnforcementPolicyEn,
      offlineFiling: ja ? org.offlineFilingJa : org.offlineFilingEn,
      identityDocumentsNote: ja ? org.identityDocumentsNoteJa : org.identityDocumentsNoteEn,
      processorOversight: ja ? org.processorOversightJa : org.processorOversightEn,
      securityMeasures: ja ? org.securityMeasuresJa : org.securityMeasuresEn,
      complaintDesk: ja ? org.complaintDeskJa : org.complaintDeskEn,
      updatedAt: org.updatedAt.toISOString(),
    },
    authorities: authorities.map((a) => ({
      key: a.key,
      jurisdiction: a.jurisdiction,
      name: ja ? a.nameJa : a.nameEn,
      contact: ja ? a.contactJa : a.contactEn,
      url: a.url,
    })),
    categories: categories.map((c) => {
      const counts = sourceCounts.get(c.id);
      return {
        key: c.key,
        name: ja ? c.nameJa : c.nameEn,
        description: ja ? c.descriptionJa : c.descriptionEn,
        dataClass: c.dataClass satisfies DataClass,
        // Ways of obtaining the category: those the data held shows, most frequent first, then
        // those the organisation declares in its notice (DataCategory.sources) and holds nothing
        // from today. A way in use is shown even when the notice forgot it.
        sources: SOURCES.map((source) => ({ source, count: counts?.get(source) ?? 0 }))
          .filter((s) => s.count > 0 || c.sources.includes(s.source))
          .sort((a, b) => b.count - a.count),
        // How long it is kept, in the organisation's words ("" when not stated).
        retention: (ja ? c.retentionJa : c.retentionEn) || c.retentionJa,
      };
    }),
    // What a Global Privacy Control signal stops (lib/data/privacy-signals/gpc.ts).
    gpc: {
      purposes: purposes.filter((p) => p.gpcOptOut).map((p) => (ja ? p.nameJa : p.nameEn)),
      recipients: recipients.filter((r) => r.gpcOptOut).map((r) => (ja ? r.nameJa : r.nameEn)),
    },
    purposes: purposes.map((p) => ({
      key: p.key,
      name: ja ? p.nameJa : p.nameEn,
      description: ja ? p.descriptionJa : p.descriptionEn,
      suspendable: p.suspendable,
      suspensionNote: ja ? p.suspensionNoteJa : p.suspensionNoteEn,
    })),
    recipientClasses: [...new Set(recipients.map((r) => r.recipientClass))].map(
      (recipientClass) => ({
        recipientClass,
        recipients: recipients.filter((r) => r.recipientClass === recipientClass).length,
        provisions: classProvisions.get(recipientClass) ?? 0,
        scenes: scenes
          .filter((s) =>
            sceneClasses.some((r) => r.sceneId === s.id && r.recipientClass === recipientClass),
          )
          .map((s) => (ja ? s.nameJa : s.nameEn)),
      }),
    ),
    scenes: scenes.map((s) => ({
      key: s.key,
      name: ja ? s.nameJa : s.nameEn,
      description: ja ? s.descriptionJa : s.descriptionEn,
      recipientClasses: sceneClasses
        .filter((r) => r.sceneId === s.id)
        .map((r) => r.recipientClass)
        .sort(),
      provisions: sceneClasses
        .filter((r) => r.sceneId === s.id)
        .reduce((sum, r) => sum + r.provisions, 0),
      items: sceneItems
        .filter((r) => r.sceneId === s.id)
        .sort((a, b) => b.provisions - a.provisions || a.item.localeCompare(b.item))
        .slice(0, SCENE_ITEMS)
        .map((r) => categoryName.get(r.item) ?? r.item),
    })),
    // APPI Art.28: foreign third parties by name; processors abroad by their category only.
    foreignRecipients: recipients
      .filter(
        (r) => r.recipientClass === "FOREIGN_THIRD_PARTY" || (r.country && r.country !== "JP"),
      )
      .map((r) => ({
        name:
          r.recipientClass === "PROCESSOR"
            ? ((ja ? r.processorCategoryJa : r.processorCategoryEn) ?? "")
            : ja
              ? r.nameJa
              : r.nameEn,
        recipientClass: r.recipientClass,
        country: r.country ?? "",
        regime: (ja ? r.regimeNoteJa : r.regimeNoteEn) ?? "",
        measures: (ja ? r.measuresJa : r.measuresEn) ?? "",
      })),
    processors: groupProcessors(
      recipients
        .filter((r) => r.recipientClass === "PROCESSOR")
        .map((r) => ({
          category: (ja ? r.processorCategoryJa : r.processorCategoryEn) ?? "",
          country: r.country ?? "JP",
        })),
    ),
    lawEnforcement: [...yearly.entries()]
      .sort(([a], [b]) => b - a)
      .map(([year, counts]) => ({
        year,
        ...counts,
        total: counts.WARRANT + counts.INQUIRY + counts.OTHER_LAW,
      })),
    responseDeadline: deadline,
  };
}

function groupProcessors(rows: { category: string; country: string }[]) {
  const byCategory = new Map<string, { category: string; countries: string[]; count: number }>();
  for (const row of rows) {
    const entry = byCategory.get(row.category) ?? {
      category: row.category,
      countries: [],
      count: 0,
    };
    entry.count += 1;
    if (!entry.countries.includes(row.country)) entry.countries.push(row.country);
    byCategory.set(row.category, entry);
  }
  return [...byCategory.values()];
}
