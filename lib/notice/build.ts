import type { Db, Tx } from "@/lib/db";
import type { RecipientClass } from "@/lib/generated/prisma/enums";
import { getTranslator } from "@/lib/i18n/translate";
import { REQUEST_TYPES } from "@/lib/requests/vocabulary";
import { DATA_SOURCES } from "@/lib/validation/choices";

import type { Localised, Notice, NoticeRecipient } from "./types";

// The current privacy notice (lib/notice/types.ts) from the organisation's configuration only:
// the Organisation row, the data map (categories, purposes and which systems use which category
// for which purpose), the recipients, the supervisory authorities and the catalogue's texts. Never
// from people's data: a new person's items must not make a new version. Everything is sorted by
// sortOrder then key, so the same configuration always gives the same JSON and the same hash.
// No "server-only": the seed records version 1 under tsx, outside Next.js.

const ORG = "org";

/**
 * Provision to these is provision to a third party (APPI Art.27(1)): a group company is a legal
 * person of its own (joint use, Art.27(5)(iii), is not modelled by the data map), and a foreign
 * third party also falls under Art.28. A processor (委託先) is not a third party (Art.27(5)(i)).
 */
const THIRD_PARTY_CLASSES: readonly RecipientClass[] = [
  "THIRD_PARTY",
  "GROUP_COMPANY",
  "FOREIGN_THIRD_PARTY",
];

const localised = (ja: string, en: string): Localised => ({ ja, en });
/** A pair of texts, or null when the organisation has written neither. */
const optional = (ja: string | null, en: string | null): Localised | null =>
  ja || en ? { ja: ja ?? "", en: en ?? "" } : null;
const orNull = (value: string) => (value === "" ? null : value);

/** The notice as the configuration states it now; null before the organisation is set up. */
export async function buildNotice(db: Tx | Db): Promise<Notice | null> {
  const org = await db.organisation.findUnique({
    where: { id: ORG },
    select: {
      nameJa: true,
      nameEn: true,
      addressJa: true,
      addressEn: true,
      contactEmail: true,
      contactPhone: true,
      representative: true,
      departmentJa: true,
      departmentEn: true,
      complaintDeskJa: true,
      complaintDeskEn: true,
      offlineFilingJa: true,
      offlineFilingEn: true,
      identityDocumentsNoteJa: true,
      identityDocumentsNoteEn: true,
      securityMeasuresJa: true,
      securityMeasuresEn: true,
      processorOversightJa: true,
      processorOversightEn: true,
      lawEnforcementPolicyJa: true,
      lawEnforcementPolicyEn: true,
      automatedDecisionsJa: true,
      automatedDecisionsEn: true,
    },
  });
  if (!org) return null;
  // One query at a time: inside an interactive transaction they run one by one anyway.
  const categories = await db.dataCategory.findMany({
    orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
    select: {
      key: true,
      nameJa: true,
      nameEn: true,
      dataClass: true,
      sources: true,
      retentionJa: true,
      retentionEn: true,
    },
  });
  const purposes = await db.purpose.findMany({
    orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
    select: {
      key: true,
      nameJa: true,
      nameEn: true,
      descriptionJa: true,
      descriptionEn: true,
      gpcOptOut: true,
    },
  });
  const uses = await db.systemCategoryPurpose.findMany({
    distinct: ["categoryId", "purposeId"],
    select: { category: { select: { key: true } }, purpose: { select: { key: true } } },
  });
  // Disclosures to law enforcement are made because a law requires them (Art.27(1)(i), (iv)),
  // case by case and recorded in their own register: not a recipient the notice announces.
  const recipients = await db.recipient.findMany({
    where: { recipientClass: { not: "LAW_ENFORCEMENT" } },
    orderBy: { key: "asc" },
    select: {
      key: true,
      nameJa: true,
      nameEn: true,
      recipientClass: true,
      country: true,
      processorCategoryJa: true,
      processorCategoryEn: true,
    },
  });
  // Each law's authority; a member state's own ones are named on a request (as the
  // transparency page does, lib/data/transparency/get-transparency.ts).
  const authorities = await db.supervisoryAuthority.findMany({
    where: { NOT: { key: { startsWith: "EU-" } } },
    orderBy: [{ jurisdiction: "asc" }, { key: "asc" }],
    select: { key: true, nameJa: true, nameEn: true, url: true },
  });

  const categoryKeys = new Map<string, Set<string>>();
  for (const use of uses) {
    const keys = categoryKeys.get(use.purpose.key) ?? new Set<string>();
    keys.add(use.category.key);
    categoryKeys.set(use.purpose.key, keys);
  }
  const ja = getTranslator("ja");
  const en = getTranslator("en");

  return {
    controller: {
      name: localised(org.nameJa, org.nameEn),
      address: localised(org.addressJa, org.addressEn),
      representative: orNull(org.representative),
      email: orNull(org.contactEmail),
      phone: orNull(org.contactPhone),
      department: optional(org.departmentJa, org.departmentEn),
    },
    purposes: purposes.map((p) => ({
      key: p.key,
      name: localised(p.nameJa, p.nameEn),
      description: optional(p.descriptionJa, p.descriptionEn),
      categoryKeys: [...(categoryKeys.get(p.key) ?? [])].sort(),
      optOut: p.gpcOptOut,
    })),
    categories: categories.map((c) => ({
      key: c.key,
      name: localised(c.nameJa, c.nameEn),
      dataClass: c.dataClass,
    })),
    // As the manager declares them per category (not from people's items, which must not make
    // versions), in DataSource's order.
    sources: categories.map((c) => ({
      categoryKey: c.key,
      sources: DATA_SOURCES.filter((s) => c.sources.includes(s)),
    })),
    retention: categories.map((c) => ({
      categoryKey: c.key,
      period: optional(orNull(c.retentionJa), orNull(c.retentionEn)),
    })),
    recipients: recipients.map((r): NoticeRecipient => ({
      key: r.key,
      // Processors are published by their category only, as on the transparency page.
      name:
        r.recipientClass === "PROCESSOR" && (r.processorCategoryJa || r.processorCategoryEn)
          ? localised(r.processorCategoryJa ?? "", r.processorCategoryEn ?? "")
          : localised(r.nameJa, r.nameEn),
      recipientClass: r.recipientClass,
      country: r.country && r.country !== "JP" ? r.country : null,
      thirdParty: THIRD_PARTY_CLASSES.includes(r.recipientClass),
    })),
    rights: REQUEST_TYPES.map((requestType) => ({
      requestType,
      name: localised(ja(`requestType.${requestType}`), en(`requestType.${requestType}`)),
    })),
    rightsHowTo: localised(ja("notice.rightsHowTo"), en("notice.rightsHowTo")),
    complaints: {
      desk: optional(org.complaintDeskJa, org.complaintDeskEn),
      authorities: authorities.map((a) => ({
        key: a.key,
        name: localised(a.nameJa, a.nameEn),
        url: orNull(a.url),
      })),
    },
    changes: localised(ja("notice.changes"), en("notice.changes")),
    statements: {
      offlineFiling: optional(org.offlineFilingJa, org.offlineFilingEn),
      identityDocuments: optional(org.identityDocumentsNoteJa, org.identityDocumentsNoteEn),
      securityMeasures: optional(org.securityMeasuresJa, org.securityMeasuresEn),
      processorOversight: optional(org.processorOversightJa, org.processorOversightEn),
      lawEnforcement: optional(org.lawEnforcementPolicyJa, org.lawEnforcementPolicyEn),
      automatedDecisions: optional(org.automatedDecisionsJa, org.automatedDecisionsEn),
    },
  };
}
