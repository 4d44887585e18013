import { forbidden } from "next/navigation";

import { ClientSections } from "@/components/i18n/client-sections";
import { DataMapList } from "@/components/manager/settings/data-map/data-map-list";
import { RecipientForm } from "@/components/manager/settings/data-map/recipient-form";
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
  if (!can(actor.role, "data-map:configure")) forbidden();
  const recipients = await listRecipients({ actor });

  return (
    <ClientSections
      locale={locale}
      sections={["settingsDataMap", "recipientClass", "transferSafeguard"]}
    >
      <DataMapList
        locale={locale}
        t={t}
        kind="recipients"
        rows={recipients}
        columns={[
          {
            header: t("settingsDataMap.recipients.recipientClass"),
            narrow: true,
            cell: (r) => t(`recipientClass.${r.recipientClass}`),
          },
          {
            header: t("transparency.foreign.colCountry"),
            narrow: true,
            cell: (r) => (r.country ? countryName(locale, r.country) : "—"),
          },
        ]}
        form={<RecipientForm />}
      />
    </ClientSections>
  );
}
