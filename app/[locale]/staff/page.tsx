import Link from "next/link";

import { DueLabel } from "@/components/requests/due-label";
import { StatusBadge } from "@/components/requests/status-badge";
import { Forbidden } from "@/components/ui/forbidden";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { listOpenRequests } from "@/lib/data/requests/list-open-requests";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

export default async function QueuePage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "queue:read")) return <Forbidden locale={locale} />;
  const requests = await listOpenRequests({ actor });
  const now = new Date();
  return (
    <>
      <h1>{t("staff.queueTitle")}</h1>
      {requests.length === 0 ? (
        <p>{t("staff.queueEmpty")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("request.reference")}</th>
              <th scope="col">{t("request.type")}</th>
              <th scope="col">{t("request.status")}</th>
              <th scope="col">{t("request.jurisdictions")}</th>
              <th scope="col">{t("request.filerRole")}</th>
              <th scope="col">{t("request.dueAt")}</th>
              <th scope="col">{t("staff.assignee")}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.reference} data-testid={`queue-row-${r.reference}`}>
                <td>
                  <Link href={`/${locale}/staff/requests/${r.reference}`}>{r.reference}</Link>
                </td>
                <td>{t(`requestType.${r.type}`)}</td>
                <td>
                  <StatusBadge status={r.status} t={t} />
                </td>
                <td>{r.jurisdictions.join(", ")}</td>
                <td>{t(`filerRole.${r.filerRole}`)}</td>
                <td>
                  <DueLabel due={r.dueAt} locale={locale} t={t} open now={now} />
                </td>
                <td>{r.assignee?.name ?? t("staff.unassigned")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
