"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { describeFailure } from "@/components/staff/fulfilment/task-summary";
import { testSystem } from "@/lib/actions/manager/data-map/test-system";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { ConnectionCheck } from "@/lib/fulfilment/engine/connectors/connector";
import type { MessageKey } from "@/lib/i18n/translate";

/**
 * One press of a "test the connection" button: runs the test, keeps its answer or the action's
 * refusal, and refreshes the page so the system's health panel shows the test too.
 */
export function useConnectionTest<T>(run: () => Promise<ActionResult<T>>) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<{ error?: MessageKey; errorId?: string }>({});
  async function test() {
    setBusy(true);
    setError({});
    setResult(null);
    const answer = await run();
    setBusy(false);
    if (!answer.ok) return setError({ error: answer.error, errorId: answer.errorId });
    setResult(answer.data);
    router.refresh();
  }
  return { busy, result, error, test };
}

/** Tests a system's connection through its connector (an HTTP endpoint, the mail transport). */
export function ConnectionTest(props: { systemId: string }) {
  const { t } = useI18n();
  const { busy, result, error, test } = useConnectionTest<ConnectionCheck>(() =>
    testSystem({ id: props.systemId }),
  );
  return (
    <div>
      <button type="button" className="secondary" disabled={busy} onClick={() => void test()}>
        {busy ? t("settingsDataMap.health.testing") : t("settingsDataMap.health.test")}
      </button>
      <div aria-live="polite" data-testid="connection-check">
        {result?.ok && <p className="success">{t("settingsDataMap.health.testOk")}</p>}
        {result && !result.ok && (
          <p className="error">
            {t("settingsDataMap.health.testProblem", {
              reason: describeFailure(result.problem, t) ?? "",
            })}
          </p>
        )}
      </div>
      <FormAlert error={error.error} errorId={error.errorId} />
    </div>
  );
}
