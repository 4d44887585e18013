import { forbidden } from "next/navigation";

import { ClientSections } from "@/components/i18n/client-sections";
import { FeesForm } from "@/components/manager/settings/policies/fees-form";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { getFees } from "@/lib/data/policies/get-fees";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

/** The fees the request form announces and the transparency page lists. */
export default async function FeeSettingsPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "policy:configure")) forbidden();
  const fees = await getFees({ actor });

  return (
    <ClientSections locale={locale} sections={["settingsPolicies"]}>
      <p>
        <a href={`/${locale}/manager/settings`}>{t("settingsPolicies.back")}</a>
      </p>
      <h1>{t("settingsPolicies.fees.title")}</h1>
      <p>{t("settingsPolicies.fees.intro")}</p>
      <FeesForm fees={fees} />
    </ClientSections>
  );
}
