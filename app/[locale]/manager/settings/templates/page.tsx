import { forbidden } from "next/navigation";

import { ClientSections } from "@/components/i18n/client-sections";
import { TemplateForm } from "@/components/manager/settings/policies/template-form";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { listTemplateTexts } from "@/lib/data/templates/list-template-texts";
import { TEMPLATE_KEYS } from "@/lib/requests/template-keys";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

/** The staff's message templates, one section per template with a form per language. */
export default async function TemplateSettingsPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "policy:configure")) forbidden();
  const texts = await listTemplateTexts({ actor });

  return (
    <ClientSections locale={locale} sections={["settingsPolicies"]}>
      <p>
        <a href={`/${locale}/manager/settings`}>{t("settingsPolicies.back")}</a>
      </p>
      <h1>{t("settingsPolicies.templates.title")}</h1>
      <p>{t("settingsPolicies.templates.intro")}</p>
      <p className="notice">{t("settingsPolicies.templates.placeholders")}</p>
      {TEMPLATE_KEYS.map((key) => (
        <section key={key} aria-labelledby={`tpl-${key}`}>
          <h2 id={`tpl-${key}`}>{t(`settingsPolicies.templates.name.${key}`)}</h2>
          {texts
            .filter((text) => text.key === key)
            .map((text) => (
              <TemplateForm key={text.locale} template={text} />
            ))}
        </section>
      ))}
    </ClientSections>
  );
}
