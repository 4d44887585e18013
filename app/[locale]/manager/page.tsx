import { ClientSections } from "@/components/i18n/client-sections";
import { Forbidden } from "@/components/ui/forbidden";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { getJpSla } from "@/lib/data/policies/jp-sla";
import { countDeadlines } from "@/lib/data/requests/count-deadlines";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

import { SlaForm } from "./sla-form";

export const dynamic = "force-dynamic";

export default async function ManagerPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "manager:dashboard")) return <Forbidden locale={locale} />;
  const [sla, counts] = await Promise.all([
    getJpSla({ actor }),
    countDeadlines({ actor, now: new Date() }),
  ]);
  return (
    <ClientSections locale={locale} sections={["manager"]}>
      <h1>{t("manager.title")}</h1>
      <dl className="facts panel">
        <dt>{t("manager.openRequests")}</dt>
        <dd data-testid="open-count">{counts.openCount}</dd>
        <dt>{t("manager.overdue")}</dt>
        <dd data-testid="overdue-count" className={counts.overdueCount > 0 ? "overdue" : undefined}>
          {counts.overdueCount}
        </dd>
      </dl>
      <SlaForm days={sla.amount} />
    </ClientSections>
  );
}
