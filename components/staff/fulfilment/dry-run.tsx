"use client";

import { useState } from "react";

import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Dialog } from "@/components/ui/dialog";
import { dryRunTask } from "@/lib/actions/staff/dry-run-task";
import type { DryRun as DryRunResult } from "@/lib/data/fulfilment/dry-run-task";
import { readFailure } from "@/lib/fulfilment/engine/failure";
import type { MessageKey } from "@/lib/i18n/translate";

/**
 * A SQL task's dry run (issue 18): the tables, row keys and columns the task would touch and what
 * happens to each, read from the database without changing it, in a dialog.
 */
export function DryRun(props: {
  reference: string;
  taskId: string;
  system: string;
  action: string;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DryRunResult | null>(null);
  const [error, setError] = useState<{ error?: MessageKey; errorId?: string }>({});

  async function onClick() {
    setBusy(true);
    setError({});
    const answer = await dryRunTask({ reference: props.reference, taskId: props.taskId });
    setBusy(false);
    if (!answer.ok) return setError({ error: answer.error, errorId: answer.errorId });
    setResult(answer.data);
  }

  const failure = result && "failure" in result ? readFailure(result.failure) : null;
  const plan = result && "plan" in result ? result.plan : null;
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        aria-label={t("fulfilment.tasks.dryRun.buttonLabel", {
          system: props.system,
          action: props.action,
        })}
        onClick={() => void onClick()}
      >
        {t("fulfilment.tasks.dryRun.button")}
      </button>
      <FormAlert error={error.error} errorId={error.errorId} />
      <Dialog
        open={result !== null}
        onClose={() => setResult(null)}
        title={t("fulfilment.tasks.dryRun.title")}
        closeLabel={t("fulfilment.tasks.dryRun.close")}
      >
        <div data-testid="dry-run">
          {failure && (
            <p className="error">
              {t(`fulfilment.tasks.failure.${failure.code}`, { detail: failure.detail })}
            </p>
          )}
          {plan && plan.problems.length > 0 && (
            <ul className="error">
              {plan.problems.map((p) => (
                <li key={`${p.at}-${p.kind}`}>
                  {t(`fulfilment.tasks.problem.${p.kind}`, { at: p.at, size: p.size ?? "" })}
                </li>
              ))}
            </ul>
          )}
          {plan && plan.problems.length === 0 && (
            <>
              <p>{t("fulfilment.tasks.dryRun.intro")}</p>
              {plan.tables.length === 0 ? (
                <p>{t("fulfilment.tasks.dryRun.none")}</p>
              ) : (
                <table className="dry-run">
                  <thead>
                    <tr>
                      <th scope="col">{t("fulfilment.tasks.dryRun.table")}</th>
                      <th scope="col">{t("fulfilment.tasks.dryRun.rows")}</th>
                      <th scope="col">{t("fulfilment.tasks.dryRun.keys")}</th>
                      <th scope="col">{t("fulfilment.tasks.dryRun.columns")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {plan.tables.map((table) => (
                      <tr key={table.table} data-testid={`dry-run-${table.table}`}>
                        <th scope="row">
                          <code>{table.table}</code>
                        </th>
                        <td>{table.rows}</td>
                        <td>
                          <code>{table.rowKeys.join(", ")}</code>
                        </td>
                        <td>
                          <ul className="plain">
                            {table.columns.map((c) => (
                              <li key={c.column}>
                                <code>{c.column}</code>:{" "}
                                {t(`fulfilment.tasks.dryRun.operation.${c.operation}`)}
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          )}
        </div>
      </Dialog>
    </>
  );
}
