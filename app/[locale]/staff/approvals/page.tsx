import { StackTable } from "@/components/ui/stack-table";
import Link from "next/link";
import { forbidden } from "next/navigation";

import { DueLabel } from "@/components/requests/due-label";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { listPendingApprovals } from "@/lib/data/requests/list-approvals";
import { toLocale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { getTranslator } from "@/lib/i18n/translate";
import { CircleCheck } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";

export const dynamic = "force-dynamic";

/** Approvals waiting for a second person (four eyes on refusals and erasures). */
export default async function ApprovalsPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "request:approve")) forbidden();
  const approvals = await listPendingApprovals({ actor });
  const now = new Date();
  return (
    <>
      <h1 id="approvals-title">{t("decisions.approvals.title")}</h1>
      <p>{t("decisions.approvals.intro")}</p>
      {approvals.length === 0 ? (
        <EmptyState
          icon={CircleCheck}
          title={t("decisions.approvals.empty")}
          testId="approvals-empty"
        />
      ) : (
        <StackTable
          labelledBy="approvals-title"
          columns={[
            t("decisions.approvals.request"),
            t("decisions.approvals.type"),
            t("decisions.approvals.kind"),
            t("decisions.approvals.askedBy"),
            t("decisions.approvals.askedAt"),
            t("decisions.approvals.dueAt"),
          ]}
        >
          {approvals.map((a) => (
            <tr key={a.id} data-testid={`approval-row-${a.reference}`}>
              <td>
                <Link href={`/${locale}/staff/requests/${a.reference}`}>{a.reference}</Link>
              </td>
              <td>{t(`requestType.${a.type}`)}</td>
              <td>{t(`decisions.kinds.${a.kind}`)}</td>
              <td>
                {a.requestedBy}
                {a.askedByMe && ` (${t("decisions.approvals.you")})`}
              </td>
              <td>{formatDateTime(locale, a.requestedAt)}</td>
              <td>
                <DueLabel due={a.dueAt} locale={locale} t={t} open now={now} />
              </td>
            </tr>
          ))}
        </StackTable>
      )}
    </>
  );
}
