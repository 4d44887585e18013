import Link from "next/link";

import { ClientSections } from "@/components/i18n/client-sections";
import { PurposeForm } from "@/components/manager/settings/data-map/purpose-form";
import { Forbidden } from "@/components/ui/forbidden";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { listPurposes } from "@/lib/data/data-map/config/list-purposes";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

/**
 * The purposes of use; adding one here, editing or deleting on its own page. Which categories
 * each system holds for a purpose is set on the system's page.
 */
export default async function PurposesPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "data-map:configure")) return <Forbidden locale={locale} />;
  const purposes = await listPurposes({ actor });
  const base = `/${locale}/manager/settings/purposes`;

  return (
    <ClientSections locale={locale} sections={["settingsDataMap"]}>
      <p>
        <Link href={`/${locale}/manager/settings`}>{t("settingsDataMap.back")}</Link>
      </p>
      <h1>{t("settingsDataMap.purposes.title")}</h1>
      <p>{t("settingsDataMap.purposes.intro")}</p>
      {purposes.length === 0 ? (
        <p>{t("settingsDataMap.empty")}</p>
      ) : (
        <table data-testid="purposes">
          <caption>{t("settingsDataMap.purposes.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("settingsDataMap.field.sortOrder")}</th>
              <th scope="col">{t("settingsDataMap.column.key")}</th>
              <th scope="col">{t("settingsDataMap.column.name")}</th>
              <th scope="col">{t("settingsDataMap.purposes.suspendable")}</th>
              <th scope="col">{t("settingsDataMap.column.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {purposes.map((p) => (
              <tr key={p.id} data-key={p.key}>
                <td>{p.sortOrder}</td>
                <td>
                  <code>{p.key}</code>
                </td>
                <td>{locale === "ja" ? p.nameJa : p.nameEn}</td>
                <td>{p.suspendable ? t("settingsDataMap.yes") : t("settingsDataMap.no")}</td>
                <td>
                  <Link
                    href={`${base}/${p.id}`}
                    aria-label={`${t("settingsDataMap.edit")}: ${p.key}`}
                  >
                    {t("settingsDataMap.edit")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PurposeForm />
    </ClientSections>
  );
}
