import type { ReactNode } from "react";

import { stackLabels } from "./stack-labels";

/**
 * A table that becomes one card per row below 640 px (see stack-labels.ts): the column headers
 * from `columns`, named by the heading `labelledBy`; the rows are the children, or for a long
 * list already escaped into one string (lib/html/markup.ts), `bodyHtml`.
 */
export function StackTable(props: {
  columns: readonly string[];
  labelledBy: string;
  id?: string;
  className?: string;
  testId?: string;
  bodyHtml?: string;
  children?: ReactNode;
}) {
  const { columns, labelledBy, id, className, testId, bodyHtml, children } = props;
  return (
    <table
      id={id}
      aria-labelledby={labelledBy}
      className={className ? `stack ${className}` : "stack"}
      style={stackLabels(columns)}
      data-testid={testId}
    >
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column}>
              {column}
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
  );
}
