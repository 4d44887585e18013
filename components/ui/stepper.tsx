/**
 * Steps in order with the current one marked, for assistive technology (aria-current="step" and
 * words) as well as by colour: the request wizard's steps, a request's progress. `current` is the
 * index of the step under way; steps.length when all are done. A server component.
 */
export function Stepper(props: {
  label: string;
  steps: readonly string[];
  current: number;
  /** The words a screen reader hears beside a finished and the current step. */
  doneLabel: string;
  currentLabel: string;
  testId?: string;
}) {
  const { label, steps, current, doneLabel, currentLabel, testId } = props;
  return (
    <ol className="tracker" aria-label={label} data-testid={testId}>
      {steps.map((step, i) => {
        const state = i < current ? "done" : i === current ? "current" : "todo";
        return (
          <li key={step} data-state={state} aria-current={state === "current" ? "step" : undefined}>
            <span className="marker" aria-hidden="true">
              {state === "done" ? "✓" : i + 1}
            </span>
            <span>{step}</span>
            {state !== "todo" && (
              <span className="visually-hidden">
                {" "}
                ({state === "done" ? doneLabel : currentLabel})
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
