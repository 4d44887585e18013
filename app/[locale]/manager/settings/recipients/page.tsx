import Link from "next/link";

import { ClientSections } from "@/components/i18n/client-sections";
import { RecipientForm } from "@/components/manager/settings/data-map/recipient-form";
import { Forbidden } from "@/components/ui/forbidden";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { listRecipients } from "@/lib/data/data-map/config/list-recipients";
import { toLocale } from "@/lib/i18n/config";
import { countryName } from "@/lib/i18n/format";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

/** The recipients; adding one here, editing or deleting on its own page. */
export default async function RecipientsPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "data-map:configure")) return <Forbidden locale={locale} />;
  const recipients = await listRecipients({ actor });
  const base = `/${locale}/manager/settings/recipients`;

  return (
    <ClientSections locale={locale} sections={["settingsDataMap", "recipientClass"]}>
      <p>
        <Link href={`/${locale}/manager/settings`}>{t("settingsDataMap.back")}</Link>
      </p>
      <h1>{t("settingsDataMap.recipients.title")}</h1>
      <p>{t("settingsDataMap.recipients.intro")}</p>
      {recipients.length === 0 ? (
        <p>{t("settingsDataMap.empty")}</p>
      ) : (
        <table data-testid="recipients">
          <caption>{t("settingsDataMap.recipients.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("settingsDataMap.column.key")}</th>
              <th scope="col">{t("settingsDataMap.column.name")}</th>
              <th scope="col">{t("settingsDataMap.recipients.recipientClass")}</th>
              <th scope="col">{t("transparency.foreign.colCountry")}</th>
              <th scope="col">{t("settingsDataMap.column.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {recipients.map((r) => (
              <tr key={r.id} data-key={r.key}>
                <td>
                  <code>{r.key}</code>
                </td>
                <td>{locale === "ja" ? r.nameJa : r.nameEn}</td>
                <td>{t(`recipientClass.${r.recipientClass}`)}</td>
                <td>{r.country ? countryName(locale, r.country) : "—"}</td>
                <td>
                  <Link
                    href={`${base}/${r.id}`}
                    aria-label={`${t("settingsDataMap.edit")}: ${r.key}`}
                  >
                    {t("settingsDataMap.edit")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RecipientForm />
    </ClientSections>
  );
}
