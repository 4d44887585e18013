import { unstable_cache } from "next/cache";
import Link from "next/link";

import { CollectionSection } from "@/components/transparency/collection-section";
import {
  ContactSection,
  FeesSection,
  IdentitySection,
} from "@/components/transparency/fees-identity-contact";
import { ForeignSection, ProcessorsSection } from "@/components/transparency/foreign-section";
import { GpcSection } from "@/components/transparency/gpc-section";
import { LawEnforcementSection } from "@/components/transparency/law-enforcement-section";
import { PurposesSection } from "@/components/transparency/purposes-section";
import { RecipientsSection } from "@/components/transparency/recipients-section";
import { RightsSection } from "@/components/transparency/rights-section";
import { ComplaintsSection, SecuritySection } from "@/components/transparency/security-complaints";
import { TableOfContents } from "@/components/transparency/table-of-contents";
import { getTransparency } from "@/lib/data/transparency/get-transparency";
import { toLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { publicPageMetadata } from "@/lib/i18n/public-metadata";
import { getTranslator } from "@/lib/i18n/translate";

// Public (no sign-in): only the organisation's descriptions and aggregate counts. The facts change
// rarely, so they are cached per locale for a few minutes; the tag lets an admin edit flush them.
const loadTransparency = unstable_cache(getTransparency, ["transparency"], {
  revalidate: 300,
  tags: ["transparency"],
});

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = publicPageMetadata(
  "/privacy",
  (t, name) => `${t("transparency.title")} | ${name}`,
  "transparency.metaDescription",
);

export default async function TransparencyPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const other = locale === "ja" ? "en" : "ja";
  const data = await loadTransparency({ locale });
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
      <CollectionSection {...sectionProps} />
      <PurposesSection {...sectionProps} />
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
      <ContactSection {...sectionProps} />
    </>
  );
}
