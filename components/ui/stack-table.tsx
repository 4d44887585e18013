import type { ReactNode } from "react";

import { stackLabels } from "./stack-labels";

/**
 * A table that becomes one card per row below 640 px (see stack-labels.ts): the column headers
 * from `columns`, named by its `caption` or by the heading `labelledBy`; the rows are the
 * children, or for a long list already escaped into one string (lib/html/markup.ts), `bodyHtml`.
 * Above 640 px a table wider than its column scrolls sideways inside its own box; give a table
 * with nothing focusable in it a `region` name, so the box can be focused and scrolled by key.
 */
/**
 * A column's header: its label, `narrow` for one that must not be squeezed below 7em, `keepWords`
 * for one whose Japanese words must stay whole (it breaks only at its punctuation or a
 * zero-width space: Chromium's phrase breaking broke a narrow header 受付方/法).
 */
export type StackColumn = string | { label: string; narrow?: boolean; keepWords?: boolean };

export function StackTable(props: {
  columns: readonly StackColumn[];
  labelledBy?: string;
  caption?: ReactNode;
  id?: string;
  className?: string;
  testId?: string;
  bodyHtml?: string;
  region?: string;
  children?: ReactNode;
}) {
  const { labelledBy, caption, id, className, testId, bodyHtml, region, children } = props;
  const columns = props.columns.map((c) => (typeof c === "string" ? { label: c } : c));
  return (
    // Wider than its column on a tablet (the queue's nine columns at 768 px), the table scrolls
    // within its place rather than the whole page.
    <div
      className="stack-scroll"
      {...(region && { role: "region", tabIndex: 0, "aria-label": region })}
    >
      <table
        id={id}
        aria-labelledby={labelledBy}
        className={className ? `stack ${className}` : "stack"}
        style={stackLabels(columns.map((c) => c.label))}
        data-testid={testId}
      >
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                scope="col"
                key={column.label}
                className={
                  [column.narrow && "narrow", column.keepWords && "keep-words"]
                    .filter(Boolean)
                    .join(" ") || undefined
                }
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        {bodyHtml === undefined ? (
          <tbody>{children}</tbody>
        ) : (
          <tbody dangerouslySetInnerHTML={{ __html: bodyHtml }} />
        )}
      </table>
    </div>
  );
}
