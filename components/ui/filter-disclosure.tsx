import type { ReactNode } from "react";

/**
 * A list's filters folded into one line while none applies, so the list comes first (on a phone
 * the fields had filled the screen); open, with how many conditions apply, when any does. A
 * native `<details>`: no script. The staff queue's and the ledger's filter forms are its children.
 */
export function FilterDisclosure(props: {
  /** The heading's id, which the form inside is labelled by. */
  titleId: string;
  title: string;
  /** How many conditions apply; with `activeLabel` ("2件の条件") shown beside the title. */
  active: number;
  activeLabel: string;
  /** Open although no condition applies (the queue's order was changed). */
  open?: boolean;
  testId: string;
  children: ReactNode;
}) {
  return (
    <details className="filters" open={props.active > 0 || props.open === true}>
      <summary>
        <h2 id={props.titleId}>{props.title}</h2>
        {props.active > 0 && (
          <span className="filters-count" data-testid={props.testId}>
            {props.activeLabel}
          </span>
        )}
      </summary>
      {props.children}
    </details>
  );
}
