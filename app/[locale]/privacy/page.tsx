import type { Metadata } from "next";
import Link from "next/link";

import { NOTICE_JSON_PATH } from "@/components/notice/labels";
import { CollectionSection } from "@/components/transparency/collection-section";
import {
  ContactSection,
  FeesSection,
  IdentitySection,
} from "@/components/transparency/fees-identity-contact";
import { ForeignSection, ProcessorsSection } from "@/components/transparency/foreign-section";
import { GpcSection } from "@/components/transparency/gpc-section";
import { LawEnforcementSection } from "@/components/transparency/law-enforcement-section";
import { NoticeSection, type CurrentNotice } from "@/components/transparency/notice-section";
import { PurposesSection } from "@/components/transparency/purposes-section";
import { RecipientsSection } from "@/components/transparency/recipients-section";
import { RightsSection } from "@/components/transparency/rights-section";
import { ComplaintsSection, SecuritySection } from "@/components/transparency/security-complaints";
import { TableOfContents } from "@/components/transparency/table-of-contents";
import { getTransparency, TRANSPARENCY_TAG } from "@/lib/data/transparency/get-transparency";
import { getDb } from "@/lib/db";
import { toLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { publicPageMetadata } from "@/lib/i18n/public-metadata";
import { getTranslator } from "@/lib/i18n/translate";
import { latestNotice } from "@/lib/notice/versions";
import { taggedCache } from "@/lib/server/tagged-cache";

// Public (no sign-in): only the organisation's descriptions and aggregate counts. The facts change
// rarely, so they are cached per locale for a few minutes; the tag lets an admin edit flush them.
const loadTransparency = taggedCache(getTransparency, TRANSPARENCY_TAG, {
  ttlSeconds: 300,
  tags: [TRANSPARENCY_TAG],
});

// The current notice version and its date. A manager's change that records a new version also
// flushes TRANSPARENCY_TAG, so the number and the sections stay in step.
const loadCurrentNotice = taggedCache(
  async (): Promise<CurrentNotice | null> => {
    const latest = await latestNotice(getDb());
    return (
      latest && { version: latest.version, createdAt: new Date(latest.createdAt).toISOString() }
    );
  },
  "notice-current",
  { ttlSeconds: 300, tags: [TRANSPARENCY_TAG] },
);

type Props = { params: Promise<{ locale: string }> };

const pageMetadata = publicPageMetadata(
  "/privacy",
  (t, name) => `${t("transparency.title")} | ${name}`,
  "transparency.metaDescription",
);

/** The page's metadata, and the same notice as JSON: <link rel="alternate" type="application/json">. */
export async function generateMetadata(props: Props): Promise<Metadata> {
  const metadata = await pageMetadata(props);
  return {
    ...metadata,
    alternates: { ...metadata.alternates, types: { "application/json": NOTICE_JSON_PATH } },
  };
}

export default async function TransparencyPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const other = locale === "ja" ? "en" : "ja";
  const [data, current] = await Promise.all([loadTransparency({ locale }), loadCurrentNotice()]);
  if (!data) {
    return (
      <>
        <h1>{t("transparency.title")}</h1>
        <p role="status">{t("transparency.unavailable")}</p>
      </>
    );
  }
  const sectionProps = { data, locale, t };
  return (
    <>
      <h1>{t("transparency.title")}</h1>
      <p>{t("transparency.intro", { organisation: data.organisation.name })}</p>
      <p>
        {t("transparency.updated", { date: formatDate(locale, data.organisation.updatedAt) })}
        {" · "}
        <Link href={`/${other}/privacy`} hrefLang={other} lang={other}>
          {t("transparency.otherLanguage")}
        </Link>
      </p>
      <TableOfContents t={t} />
      <NoticeSection current={current} locale={locale} t={t} />
      <ContactSection {...sectionProps} />
      <PurposesSection {...sectionProps} />
      <CollectionSection {...sectionProps} />
      <RecipientsSection {...sectionProps} />
      <ForeignSection {...sectionProps} />
      <ProcessorsSection {...sectionProps} />
      <SecuritySection {...sectionProps} />
      <LawEnforcementSection {...sectionProps} />
      <RightsSection {...sectionProps} />
      <GpcSection {...sectionProps} />
      <FeesSection {...sectionProps} />
      <IdentitySection {...sectionProps} />
      <ComplaintsSection {...sectionProps} />
    </>
  );
}
