import { forbidden } from "next/navigation";

import { ClientSections } from "@/components/i18n/client-sections";
import { BrandForm } from "@/components/manager/settings/brand/brand-form";
import { LogoForm } from "@/components/manager/settings/brand/logo-form";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { readBrand } from "@/lib/brand/read-brand";
import { getBrandSettings } from "@/lib/data/brand/brand";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

/** White-label: the organisation's name, desk, contact, colour and logo. */
export default async function BrandSettingsPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "policy:configure")) forbidden();
  const [values, brand] = await Promise.all([getBrandSettings({ actor }), readBrand()]);
  return (
    <ClientSections locale={locale} sections={["settingsBrand"]}>
      <p>
        <a href={`/${locale}/manager/settings`}>{t("settingsPolicies.back")}</a>
      </p>
      <h1>{t("settingsBrand.title")}</h1>
      <p>{t("settingsBrand.intro")}</p>
      <BrandForm values={values} />
      <LogoForm logoVersion={brand.logoVersion} />
    </ClientSections>
  );
}
