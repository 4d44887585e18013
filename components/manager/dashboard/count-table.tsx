import type { Count } from "@/lib/data/dashboard/get-dashboard";

import { HBarChart } from "./bar-chart";

// One breakdown of open requests (by status, type or jurisdiction): a table whose counts link
// to the filtered queue, and the same figures as a bar chart.

export function CountTable(props: {
  id: string;
  title: string;
  /** Shown instead of an empty table. */
  empty: string;
  keyHeader: string;
  countHeader: string;
  summary: string;
  rows: (Count & { label: string; href?: string })[];
}) {
  return (
    <section className="panel" aria-labelledby={`${props.id}-h`}>
      <h2 id={`${props.id}-h`}>{props.title}</h2>
      {props.rows.length === 0 ? <p data-testid={`${props.id}-empty`}>{props.empty}</p> : null}
      <table data-testid={props.id} hidden={props.rows.length === 0}>
        <thead>
          <tr>
            <th scope="col">{props.keyHeader}</th>
            <th scope="col">{props.countHeader}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.key} data-key={r.key}>
              <th scope="row">{r.label}</th>
              <td data-count={r.count}>{r.href ? <a href={r.href}>{r.count}</a> : r.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.rows.length > 0 ? (
        <HBarChart
          id={`${props.id}-chart`}
          summary={props.summary}
          labels={props.rows.map((r) => r.label)}
          values={props.rows.map((r) => r.count)}
        />
      ) : null}
    </section>
  );
}
