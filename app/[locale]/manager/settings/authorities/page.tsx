import { forbidden } from "next/navigation";

import { ClientSections } from "@/components/i18n/client-sections";
import { AuthorityForm } from "@/components/manager/settings/policies/authority-form";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { listAuthorities } from "@/lib/data/policies/authorities";
import { countryName } from "@/lib/i18n/format";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

/** The supervisory authorities every refusal, partial refusal and extension names. */
export default async function AuthoritySettingsPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "policy:configure")) forbidden();
  const authorities = await listAuthorities({ actor });

  return (
    <ClientSections locale={locale} sections={["settingsPolicies", "errors", "validation"]}>
      <p>
        <a href={`/${locale}/manager/settings`}>{t("settingsPolicies.back")}</a>
      </p>
      <h1>{t("settingsPolicies.authorities.title")}</h1>
      <p>{t("settingsPolicies.authorities.intro")}</p>
      {authorities.map(({ jurisdiction, ...authority }) => {
        const law = t(`queue.jurisdiction.${jurisdiction}`);
        const country = authority.key.startsWith("EU-")
          ? ` / ${countryName(locale, authority.key.slice(3))}`
          : "";
        return (
          <AuthorityForm key={authority.key} authority={authority} title={`${law}${country}`} />
        );
      })}
    </ClientSections>
  );
}
