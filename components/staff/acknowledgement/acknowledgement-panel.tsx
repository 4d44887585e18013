import { formatDate } from "@/lib/i18n/format";
import { isOpen } from "@/lib/requests/lifecycle";

import type { StaffPanelProps } from "../panel-props";
import { AcknowledgementForm } from "@/components/staff/deferred-forms";

/** Shown while an open request has not been acknowledged to the requester. */
export function AcknowledgementPanel({ request, locale, t }: StaffPanelProps) {
  if (request.acknowledgedAt || !isOpen(request.status)) return null;
  return (
    <section className="panel" aria-labelledby="ack-title">
      <h2 id="ack-title">{t("queue.ack.title")}</h2>
      <p>{t("queue.ack.pending")}</p>
      {request.ackDueAt && (
        <p className={request.ackDueAt < new Date() ? "overdue" : undefined}>
          {t("queue.ack.due", { date: formatDate(locale, request.ackDueAt) })}
        </p>
      )}
      <AcknowledgementForm reference={request.reference} />
    </section>
  );
}
