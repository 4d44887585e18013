import type { WeekBucket } from "@/lib/data/dashboard/get-dashboard";
import type { Translate } from "@/lib/i18n/translate";

import { BarChart } from "./bar-chart";

// Weekly intake and closures over the last 12 weeks: a grouped bar chart and its table.

export function WeeklyTrend({ weeks, t }: { weeks: WeekBucket[]; t: Translate }) {
  const title = t("dashboard.trendTitle");
  return (
    <section className="panel" aria-labelledby="trend-h">
      <h2 id="trend-h">{title}</h2>
      <p>{t("dashboard.trendHelp")}</p>
      <BarChart
        id="trend-chart"
        title={title}
        summary={t("dashboard.chartSummary", { title })}
        labels={weeks.map((w) => w.week.slice(5).replace("-", "/"))}
        series={[
          { name: t("dashboard.intake"), values: weeks.map((w) => w.intake) },
          { name: t("dashboard.closed"), values: weeks.map((w) => w.closed) },
        ]}
      />
      <table data-testid="trend">
        <thead>
          <tr>
            <th scope="col">{t("dashboard.week")}</th>
            <th scope="col">{t("dashboard.intake")}</th>
            <th scope="col">{t("dashboard.closed")}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.week} data-key={w.week}>
              <th scope="row">{w.week}</th>
              <td data-intake={w.intake}>{w.intake}</td>
              <td data-closed={w.closed}>{w.closed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
