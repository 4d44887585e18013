import { ClientSections } from "@/components/i18n/client-sections";
import { DashboardFacts, DashboardTables } from "@/components/manager/dashboard/dashboard-figures";
import { ExportForm } from "@/components/manager/dashboard/export-form";
import { Forbidden } from "@/components/ui/forbidden";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { getDashboard } from "@/lib/data/dashboard/get-dashboard";
import { getJpSla } from "@/lib/data/policies/jp-sla";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

import { SlaForm } from "./sla-form";

export const dynamic = "force-dynamic";

// The manager's page: the dashboard (figures linking to the filtered queue, charts with their
// tables, the regulators' CSV export) and the JP internal deadline setting. The register and the
// settings are in the workspace's sidebar (components/layout/workspace-shell.tsx).
export default async function ManagerPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "manager:dashboard")) return <Forbidden locale={locale} />;
  const [sla, d] = await Promise.all([getJpSla({ actor }), getDashboard({ actor })]);
  return (
    <ClientSections locale={locale} sections={["manager"]}>
      <h1>{t("manager.title")}</h1>
      <section className="panel" aria-labelledby="overview-h">
        <h2 id="overview-h">{t("dashboard.overviewTitle")}</h2>
        <DashboardFacts d={d} locale={locale} t={t} />
        <p>{t("dashboard.definitions")}</p>
      </section>
      <DashboardTables d={d} locale={locale} t={t} />
      <ExportForm locale={locale} t={t} now={d.now} />
      <SlaForm days={sla.amount} />
    </ClientSections>
  );
}
