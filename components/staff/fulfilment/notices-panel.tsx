import { can } from "@/lib/auth/permissions";
import { listNotices } from "@/lib/data/fulfilment/notices";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/i18n/format";

import type { StaffPanelProps } from "../panel-props";

import { NoticeConfirmForm } from "./notice-confirm-form";

// The request types whose fulfilment tells recipients (corrections, erasures, stops).
const NOTICE_TYPES: readonly RequestType[] = ["CORRECTION", "SUSPENSION_ERASURE", "STOP_PROVISION"];

/** Onward notices to the recipients that received the data, tracked until each confirms. */
export async function NoticesPanel({ request, actor, locale, t }: StaffPanelProps) {
  if (!NOTICE_TYPES.includes(request.type) || !request.identityVerifiedAt) return null;
  const notices = await listNotices({ actor, reference: request.reference });
  const name = (r: (typeof notices)[number]["recipient"]) =>
    locale === "ja" ? r.nameJa : r.nameEn;
  const waiting = notices.filter((n) => n.sentAt && !n.confirmedAt);
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
          <table>
            <caption>{t("fulfilment.notices.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fulfilment.notices.columns.recipient")}</th>
                <th scope="col">{t("fulfilment.notices.columns.kind")}</th>
                <th scope="col">{t("fulfilment.notices.columns.sentAt")}</th>
                <th scope="col">{t("fulfilment.notices.columns.confirmedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {notices.map((n) => (
                <tr key={n.id}>
                  <th scope="row">
                    {name(n.recipient)}{" "}
                    <small>{t(`recipientClass.${n.recipient.recipientClass}`)}</small>
                  </th>
                  <td>{t(`fulfilment.notices.kind.${n.kind}`)}</td>
                  <td>
                    {n.sentAt ? (
                      <time dateTime={n.sentAt.toISOString()}>
                        {formatDateTime(locale, n.sentAt)}
                      </time>
                    ) : (
                      t("fulfilment.notices.notSent")
                    )}
                  </td>
                  <td>
                    {n.confirmedAt ? (
                      <>
                        <time dateTime={n.confirmedAt.toISOString()}>
                          {formatDateTime(locale, n.confirmedAt)}
                        </time>
                        {n.note && <div>{n.note}</div>}
                      </>
                    ) : (
                      <span className="badge">{t("fulfilment.notices.waiting")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {waiting.length > 0 && can(actor.role, "request:fulfil") && (
            <NoticeConfirmForm
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
