import type { RequestView } from "@/lib/data/requests/get-request";
import type { RefusalGround } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { isOpen } from "@/lib/requests/lifecycle";
import { REFUSAL_GROUNDS } from "@/lib/requests/refusal-grounds";

import { DueLabel } from "./due-label";
import { StatusBadge } from "./status-badge";

/** The facts of a request, shared by the requester's and the staff's pages. */
export function RequestFacts(props: {
  request: RequestView;
  locale: Locale;
  t: Translate;
  now: Date;
  /** The requester's time zone for their own page; staff read Japan time. */
  zone?: string;
}) {
  const { request, locale, t, now, zone } = props;
  const grounds = closingGrounds(request.events);
  return (
    <dl className="facts">
      <dt>{t("request.reference")}</dt>
      <dd data-testid="reference">{request.reference}</dd>
      <dt>{t("request.type")}</dt>
      <dd>{t(`requestType.${request.type}`)}</dd>
      <dt>{t("request.filerRole")}</dt>
      <dd>{t(`filerRole.${request.filerRole}`)}</dd>
      <dt>{t("request.status")}</dt>
      <dd data-testid="status">
        <StatusBadge status={request.status} t={t} />
      </dd>
      <dt>{t("request.receivedAt")}</dt>
      <dd>{formatDateTime(locale, request.receivedAt)}</dd>
      <dt>{t("request.dueAt")}</dt>
      <dd data-testid="due">
        <DueLabel
          due={request.extendedDueAt ?? request.dueAt}
          locale={locale}
          t={t}
          open={isOpen(request.status)}
          now={now}
          zone={zone}
        />
      </dd>
      {request.outcome && (
        <>
          <dt>{t("request.outcome")}</dt>
          <dd data-testid="outcome">
            {t(`outcome.${request.outcome}`)}
            {(request.outcome === "NO_DATA_HELD" ||
              request.outcome === "DISCLOSED_OTHER_METHOD") && (
              <p className="help" data-testid="outcome-explain">
                {t(`outcomeExplain.${request.outcome}`)}
              </p>
            )}
          </dd>
        </>
      )}
      {grounds.length > 0 && (
        <>
          <dt>{t("decisions.refusalGrounds")}</dt>
          <dd>
            <ul data-testid="refusal-grounds">
              {grounds.map((g) => (
                <li key={g}>{t(`decisions.groundLabels.${g}`)}</li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {request.outcomeNote && (
        <>
          <dt>{t("request.outcomeNote")}</dt>
          <dd data-testid="outcome-note">{request.outcomeNote}</dd>
        </>
      )}
      {request.closedAt && (
        <>
          <dt>{t("request.closedAt")}</dt>
          <dd>{formatDateTime(locale, request.closedAt)}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * The legal grounds of a refusal or partial refusal (APPI Art.36: the person is told why), as the
 * closing event recorded them.
 */
function closingGrounds(events: RequestView["events"]): RefusalGround[] {
  const closing = events.findLast((e) => e.toStatus === "COMPLETED");
  const data = closing?.data as { refusalGrounds?: unknown } | null | undefined;
  if (!Array.isArray(data?.refusalGrounds)) return [];
  return (REFUSAL_GROUNDS as readonly unknown[]).filter((g): g is RefusalGround =>
    (data.refusalGrounds as unknown[]).includes(g),
  );
}
