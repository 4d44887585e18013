import Link from "next/link";

import { ClientSections } from "@/components/i18n/client-sections";
import { SystemForm } from "@/components/manager/settings/data-map/system-form";
import { Forbidden } from "@/components/ui/forbidden";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { listSystems } from "@/lib/data/data-map/config/list-systems";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

/** The data systems and how tasks reach them; adding one here, editing on its own page. */
export default async function SystemsPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "data-map:configure")) return <Forbidden locale={locale} />;
  const systems = await listSystems({ actor });
  const base = `/${locale}/manager/settings/systems`;

  return (
    <ClientSections locale={locale} sections={["settingsDataMap"]}>
      <p>
        <Link href={`/${locale}/manager/settings`}>{t("settingsDataMap.back")}</Link>
      </p>
      <h1>{t("settingsDataMap.systems.title")}</h1>
      <p>{t("settingsDataMap.systems.intro")}</p>
      {systems.length === 0 ? (
        <p>{t("settingsDataMap.empty")}</p>
      ) : (
        <table data-testid="systems">
          <caption>{t("settingsDataMap.systems.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("settingsDataMap.column.key")}</th>
              <th scope="col">{t("settingsDataMap.column.name")}</th>
              <th scope="col">{t("settingsDataMap.systems.connector")}</th>
              <th scope="col">{t("settingsDataMap.systems.secret")}</th>
              <th scope="col">{t("settingsDataMap.column.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {systems.map((s) => (
              <tr key={s.id} data-key={s.key}>
                <td>
                  <code>{s.key}</code>
                </td>
                <td>{locale === "ja" ? s.nameJa : s.nameEn}</td>
                <td>{t(`settingsDataMap.systems.connectorKind.${s.connector}`)}</td>
                <td>
                  {s.connector !== "HTTP"
                    ? "—"
                    : s.hasSecret
                      ? t("settingsDataMap.systems.secretSet")
                      : t("settingsDataMap.systems.secretMissing")}
                </td>
                <td>
                  <Link
                    href={`${base}/${s.id}`}
                    aria-label={`${t("settingsDataMap.edit")}: ${s.key}`}
                  >
                    {t("settingsDataMap.edit")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SystemForm />
    </ClientSections>
  );
}
