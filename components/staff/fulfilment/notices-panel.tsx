import { can } from "@/lib/auth/permissions";
import { listNotices } from "@/lib/data/fulfilment/notices";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/i18n/format";

import type { StaffPanelProps } from "../panel-props";

import { NoticeCloseForm } from "@/components/staff/deferred-forms";
import { StackTable } from "@/components/ui/stack-table";

// The request types whose fulfilment tells recipients (corrections, erasures, stops).
const NOTICE_TYPES: readonly RequestType[] = ["CORRECTION", "SUSPENSION_ERASURE", "STOP_PROVISION"];

/**
 * Onward notices to the recipients that received the data: where each went, and whether the
 * recipient confirmed through its link or a manager closed it with a note.
 */
export async function NoticesPanel({ request, actor, locale, t }: StaffPanelProps) {
  if (!NOTICE_TYPES.includes(request.type) || !request.identityVerifiedAt) return null;
  const notices = await listNotices({ actor, reference: request.reference });
  const name = (r: (typeof notices)[number]["recipient"]) =>
    locale === "ja" ? r.nameJa : r.nameEn;
  const waiting = notices.filter((n) => !n.confirmedAt && !n.closedAt);
  return (
    <section className="panel" aria-labelledby="notices-title" data-testid="notices-panel">
      <h2 id="notices-title">{t("fulfilment.notices.title")}</h2>
      <p>{t("fulfilment.notices.intro")}</p>
      {notices.length === 0 ? (
        <p>{t("fulfilment.notices.empty")}</p>
      ) : (
        <>
          <p role="status" className={waiting.length === 0 ? "success" : "notice"}>
            {waiting.length === 0
              ? t("fulfilment.notices.allConfirmed")
              : t("fulfilment.notices.waitingCount", { count: waiting.length })}
          </p>
          <StackTable
            caption={t("fulfilment.notices.caption")}
            region={t("fulfilment.notices.caption")}
            columns={[
              t("fulfilment.notices.columns.recipient"),
              t("fulfilment.notices.columns.kind"),
              t("fulfilment.notices.columns.sentAt"),
              t("fulfilment.notices.columns.confirmedAt"),
            ]}
          >
            {notices.map((n) => (
              <tr key={n.id}>
                <th scope="row">
                  {name(n.recipient)}{" "}
                  <small>{t(`recipientClass.${n.recipient.recipientClass}`)}</small>
                </th>
                <td>{t(`fulfilment.notices.kind.${n.kind}`)}</td>
                <td>
                  {n.sentAt ? (
                    <>
                      <time dateTime={n.sentAt.toISOString()}>
                        {formatDateTime(locale, n.sentAt)}
                      </time>
                      {n.sentTo && (
                        <div>
                          <small>{t("fulfilment.notices.sentTo", { email: n.sentTo })}</small>
                        </div>
                      )}
                    </>
                  ) : n.recipient.noticeEmail || n.recipient.noticeWebhookUrl ? (
                    t("fulfilment.notices.notSent")
                  ) : (
                    t("fulfilment.notices.noChannel")
                  )}
                </td>
                <td>
                  {n.confirmedAt || n.closedAt ? (
                    <>
                      <time dateTime={(n.confirmedAt ?? n.closedAt)!.toISOString()}>
                        {formatDateTime(locale, (n.confirmedAt ?? n.closedAt)!)}
                      </time>
                      <div>
                        <small>
                          {n.confirmedAt
                            ? t("fulfilment.notices.confirmedByLink")
                            : t("fulfilment.notices.closed")}
                        </small>
                      </div>
                      {n.note && <div>{n.note}</div>}
                    </>
                  ) : (
                    <span className="badge">{t("fulfilment.notices.waiting")}</span>
                  )}
                </td>
              </tr>
            ))}
          </StackTable>
          {waiting.length > 0 && can(actor.role, "request:approve") && (
            <NoticeCloseForm
              reference={request.reference}
              waiting={waiting.map((n) => ({
                id: n.id,
                label: `${name(n.recipient)} — ${t(`fulfilment.notices.kind.${n.kind}`)}`,
              }))}
            />
          )}
        </>
      )}
    </section>
  );
}
