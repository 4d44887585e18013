import { WizardSteps } from "@/components/requests/wizard-steps";
import { REQUEST_TYPES, type TRequestType } from "@/lib/requests/vocabulary";
import { ClientSections } from "@/components/i18n/client-sections";
import { forbidden, notFound } from "next/navigation";

import { RequestForm } from "@/components/requests/form/deferred-request-form";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { listRequestOptions } from "@/lib/data/data-map/list-request-options";
import { getFeeTerms } from "@/lib/data/requests/fee-terms";
import { getMySubject } from "@/lib/data/subjects/get-my-subject";
import { toResidence } from "@/lib/requests/jurisdiction";
import { toLocale } from "@/lib/i18n/config";
import { withSystem } from "@/lib/i18n/format";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

/** Step two of the wizard: the chosen type's form (the type is in the path, e.g. /new/disclosure). */
export default async function NewRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; type: string }>;
  // Preselections from links elsewhere in the portal (e.g. withdrawing a consent link): data-map
  // keys only, never personal data; unknown keys are dropped here and refused by the server.
  searchParams: Promise<{ recipient?: string; purpose?: string }>;
}) {
  const { locale: raw, type: slug } = await params;
  const locale = toLocale(raw);
  const type: TRequestType | undefined = REQUEST_TYPES.find(
    (t) => t.toLowerCase().replace(/_/g, "-") === slug,
  );
  if (!type) notFound();
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "request:file")) forbidden();
  const [options, subject, feeTerms] = await Promise.all([
    listRequestOptions({ actor }),
    getMySubject({ actor }),
    getFeeTerms(),
  ]);
  const name = (ja: string, en: string) => (locale === "ja" ? ja : en);
  const query = await searchParams;
  const preset = {
    recipientKeys: options.recipients.some((r) => r.key === query.recipient)
      ? [query.recipient!]
      : [],
    purposeKeys: options.purposes.some((p) => p.key === query.purpose && p.suspendable)
      ? [query.purpose!]
      : [],
  };
  return (
    <ClientSections locale={locale} sections={["requestForm", "recipientClass", "method"]}>
      <WizardSteps current={1} t={t} />
      <h1>{t(`requestForm.titles.${type}`)}</h1>
      <p>{t(`requestTypeHelp.${type}`)}</p>
      <RequestForm
        type={type}
        preset={preset}
        feeTerms={feeTerms}
        options={{
          categories: options.categories.map((c) => ({
            key: c.key,
            name: name(c.nameJa, c.nameEn),
          })),
          purposes: options.purposes.map((p) => ({
            key: p.key,
            name: name(p.nameJa, p.nameEn),
            suspendable: p.suspendable,
            suspensionNote: name(p.suspensionNoteJa, p.suspensionNoteEn),
          })),
          recipients: options.recipients.map((r) => ({
            key: r.key,
            name: name(r.nameJa, r.nameEn),
            recipientClass: r.recipientClass,
          })),
          items: options.items.map((i) => ({
            id: i.id,
            categoryKey: i.category.key,
            label: `${withSystem(locale, name(i.label.nameJa, i.label.nameEn), name(i.system.nameJa, i.system.nameEn))}: ${i.value}`,
          })),
          known: options.known,
        }}
        requester={{
          familyName: subject?.familyName ?? "",
          givenName: subject?.givenName ?? "",
          familyNameKana: subject?.familyNameKana ?? "",
          givenNameKana: subject?.givenNameKana ?? "",
          birthDate: subject?.birthDate ? subject.birthDate.toISOString().slice(0, 10) : "",
        }}
        residence={
          toResidence(subject?.residenceCountry ?? null, subject?.residenceRegion ?? null) ??
          undefined
        }
      />
    </ClientSections>
  );
}
