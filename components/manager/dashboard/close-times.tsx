import { StackTable } from "@/components/ui/stack-table";
import type { CloseTime } from "@/lib/data/dashboard/get-dashboard";
import type { MessageKey, Translate } from "@/lib/i18n/translate";

// Median and 90th-percentile days to close per type, over the last 30 and 90 days.

const days = (v: number) => v.toFixed(1);

export function CloseTimes({ rows, t }: { rows: CloseTime[]; t: Translate }) {
  return (
    <section className="panel" aria-labelledby="close-times-h">
      <h2 id="close-times-h">{t("dashboard.closeTitle")}</h2>
      <p>{t("dashboard.closeHelp")}</p>
      {([30, 90] as const).map((window) => {
        const list = rows.filter((r) => r.windowDays === window);
        const caption = t(window === 30 ? "dashboard.last30" : "dashboard.last90");
        return list.length === 0 ? (
          <p key={window}>
            {caption}: {t("dashboard.noClosed")}
          </p>
        ) : (
          <StackTable
            columns={[
              t("dashboard.type"),
              t("dashboard.closedCount"),
              t("dashboard.median"),
              t("dashboard.p90"),
            ]}
            caption={caption}
            key={window}
            testId={`close-times-${window}`}
          >
            {list.map((r) => (
              <tr key={r.type} data-key={r.type}>
                <th scope="row">{t(`requestType.${r.type}` as MessageKey)}</th>
                <td data-count={r.count}>{r.count}</td>
                <td>{days(r.median)}</td>
                <td>{days(r.p90)}</td>
              </tr>
            ))}
          </StackTable>
        );
      })}
    </section>
  );
}
