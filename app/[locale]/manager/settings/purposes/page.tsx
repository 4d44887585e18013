import { forbidden } from "next/navigation";

import { ClientSections } from "@/components/i18n/client-sections";
import { DataMapList } from "@/components/manager/settings/data-map/data-map-list";
import { PurposeForm } from "@/components/manager/settings/data-map/purpose-form";
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
  if (!can(actor.role, "data-map:configure")) forbidden();
  const purposes = await listPurposes({ actor });

  return (
    <ClientSections locale={locale} sections={["settingsDataMap"]}>
      <DataMapList
        locale={locale}
        t={t}
        kind="purposes"
        rows={purposes}
        columns={[
          {
            header: t("settingsDataMap.purposes.suspendable"),
            cell: (p) => (p.suspendable ? t("settingsDataMap.yes") : t("settingsDataMap.no")),
          },
        ]}
        form={<PurposeForm />}
      />
    </ClientSections>
  );
}
