import { forbidden } from "next/navigation";

import { ClientSections } from "@/components/i18n/client-sections";
import { DataMapList } from "@/components/manager/settings/data-map/data-map-list";
import { SystemForm } from "@/components/manager/settings/data-map/system-form";
import { OutboundRules } from "@/components/manager/settings/outbound-rules";
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
  if (!can(actor.role, "data-map:configure")) forbidden();
  const systems = await listSystems({ actor });

  return (
    <ClientSections locale={locale} sections={["settingsDataMap"]}>
      <OutboundRules t={t} />
      <DataMapList
        locale={locale}
        t={t}
        kind="systems"
        rows={systems}
        columns={[
          {
            header: t("settingsDataMap.systems.connector"),
            narrow: true,
            cell: (s) => t(`settingsDataMap.systems.connectorKind.${s.connector}`),
          },
          {
            header: t("settingsDataMap.systems.secret"),
            cell: (s) =>
              s.connector !== "HTTP"
                ? "—"
                : s.hasSecret
                  ? t("settingsDataMap.systems.secretSet")
                  : t("settingsDataMap.systems.secretMissing"),
          },
        ]}
        form={<SystemForm />}
      />
    </ClientSections>
  );
}
