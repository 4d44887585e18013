import type { CSSProperties } from "react";

/**
 * A table with the class `stack` becomes one card per row below 640 px (app/globals.css): each
 * cell is shown beside its column's label, which the table carries once as custom properties
 * (`--c1`, `--c2`, …) instead of on every cell, so long tables do not grow. Labels in column
 * order, the row header included; at most 8 (the stylesheet's rules).
 */
export function stackLabels(labels: readonly string[]): CSSProperties {
  return Object.fromEntries(
    labels.slice(0, 8).map((label, i) => [`--c${i + 1}`, JSON.stringify(label)]),
  );
}
