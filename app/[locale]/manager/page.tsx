import { forbidden } from "next/navigation";

import { ClientSections } from "@/components/i18n/client-sections";
import { DashboardFacts, DashboardTables } from "@/components/manager/dashboard/dashboard-figures";
import { ExportForm } from "@/components/manager/dashboard/export-form";
import type { Actor } from "@/lib/auth/actor";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { getDashboard } from "@/lib/data/dashboard/get-dashboard";
import { getJpSla } from "@/lib/data/policies/jp-sla";
import { countGpcOptOuts } from "@/lib/data/privacy-signals/gpc";
import { toLocale, type Locale } from "@/lib/i18n/config";
import { getTranslator, type Translate } from "@/lib/i18n/translate";

import { SlaSetting } from "./sla-setting";

export const dynamic = "force-dynamic";

// The manager's page: the dashboard (figures linking to the filtered queue, charts with their
// tables, the regulators' CSV export) and the JP internal deadline setting. The register and the
// settings are in the workspace's sidebar (components/layout/workspace-shell.tsx).
export default async function ManagerPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "manager:dashboard")) forbidden();
  // The figures in the page's first answer: they come from the database's tallies in a few
  // milliseconds at any size (lib/data/dashboard/dashboard-query.ts), so streaming them in behind
  // a skeleton only delayed the largest paint until every script had loaded.
  return (
    <ClientSections locale={locale} sections={["manager"]}>
      <h1>{t("manager.title")}</h1>
      <Dashboard actor={actor} locale={locale} t={t} />
    </ClientSections>
  );
}

async function Dashboard({ actor, locale, t }: { actor: Actor; locale: Locale; t: Translate }) {
  const [sla, d, gpc] = await Promise.all([
    getJpSla({ actor }),
    getDashboard({ actor }),
    countGpcOptOuts({ actor }),
  ]);
  return (
    <>
      <section className="panel" aria-labelledby="overview-h">
        <h2 id="overview-h">{t("dashboard.overviewTitle")}</h2>
        <DashboardFacts
          d={d}
          locale={locale}
          t={t}
          // Opt-outs by the browser's Global Privacy Control signal (lib/data/privacy-signals).
          extra={
            <div className="kpi">
              <dt>{t("gpc.dashboardCount")}</dt>
              <dd data-testid="gpc-count" data-count={gpc.total}>
                {gpc.total}
              </dd>
              <dd className="kpi-note">{t("gpc.dashboardCountHelp", { recent: gpc.recent })}</dd>
            </div>
          }
        />
        <p>{t("dashboard.definitions")}</p>
      </section>
      <DashboardTables d={d} locale={locale} t={t} />
      <ExportForm locale={locale} t={t} now={d.now} />
      <SlaSetting days={sla.amount} />
    </>
  );
}
