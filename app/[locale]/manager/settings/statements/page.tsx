import { forbidden } from "next/navigation";

import { ClientSections } from "@/components/i18n/client-sections";
import { StatementsForm } from "@/components/manager/settings/brand/statements-form";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { getStatements } from "@/lib/data/brand/statements";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

/** The organisation's public statements, in both languages; a change makes a notice version. */
export default async function StatementsSettingsPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "policy:configure")) forbidden();
  const values = await getStatements({ actor });
  return (
    <ClientSections locale={locale} sections={["settingsBrand"]}>
      <p>
        <a href={`/${locale}/manager/settings`}>{t("settingsPolicies.back")}</a>
      </p>
      <h1>{t("settingsBrand.statements.title")}</h1>
      <p>{t("settingsBrand.statements.intro")}</p>
      <StatementsForm values={values} />
    </ClientSections>
  );
}
