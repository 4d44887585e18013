import type { ReactNode } from "react";

import { stackLabels } from "./stack-labels";

/**
 * A table that becomes one card per row below 640 px (see stack-labels.ts): the column headers
 * from `columns`, named by the heading `labelledBy`; the rows are the children.
 */
export function StackTable(props: {
  columns: readonly string[];
  labelledBy: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const { columns, labelledBy, className, testId, children } = props;
  return (
    <table
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
      <tbody>{children}</tbody>
    </table>
  );
}
