import Link from "next/link";

import { StackTable } from "@/components/ui/stack-table";

import { StatusBadge } from "@/components/requests/status-badge";
import type { QueueRow } from "@/lib/data/requests/queue-query";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";

import { ClaimButton } from "./claim-button";
import { DueCell } from "./due-cell";

/**
 * The queue's rows. Rendered by the queue page and by the benchmark floor
 * (app/bench/queue-floor) alike, so both pay for the same markup.
 */
export function QueueTable(props: {
  rows: QueueRow[];
  actorId: string;
  locale: Locale;
  t: Translate;
  now: Date;
  id?: string;
  labelledBy: string;
}) {
  const { rows, actorId, locale, t, now } = props;
  const columns = [
    t("request.reference"),
    t("request.type"),
    t("request.status"),
    t("request.jurisdictions"),
    t("request.dueAt"),
    { label: t("queue.filerChannel"), keepWords: true },
    t("staff.assignee"),
  ];
  return (
    <StackTable id={props.id} labelledBy={props.labelledBy} columns={columns}>
      {rows.map((r) => (
        <tr key={r.id} data-testid={`queue-row-${r.reference}`} data-row={r.reference}>
          <td>
            <Link href={`/${locale}/staff/requests/${r.reference}`}>{r.reference}</Link>
          </td>
          <td>{t(`requestType.${r.type}`)}</td>
          <td>
            <StatusBadge status={r.status} t={t} />
          </td>
          <td>{r.jurisdictions.join(", ")}</td>
          <DueCell
            receivedAt={r.receivedAt}
            due={r.extendedDueAt ?? r.dueAt}
            locale={locale}
            t={t}
            now={now}
          />
          {/* Who filed and how, one column: with the other six, the queue fits a 768 px tablet. */}
          <td data-channel={r.channel}>
            {r.filerRole === "SELF" ? t("queue.filer.self") : t(`filerRole.${r.filerRole}`)}
            <br />
            <small>
              {r.channel === "DRP" ? (
                <abbr title={t("channel.DRP")}>{t("queue.channelDrp")}</abbr>
              ) : (
                t(`channel.${r.channel}`)
              )}
            </small>
          </td>
          <td>
            {r.assigneeId === actorId ? (
              <strong>{t("queue.assign.you")}</strong>
            ) : r.assigneeId ? (
              (r.assigneeName ?? t("queue.assign.unnamed"))
            ) : (
              <>
                {t("staff.unassigned")} <ClaimButton reference={r.reference} />
              </>
            )}
          </td>
        </tr>
      ))}
    </StackTable>
  );
}
