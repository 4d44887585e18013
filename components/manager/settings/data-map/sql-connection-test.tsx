"use client";

import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { testSqlSystem } from "@/lib/actions/manager/data-map/test-sql-system";
import type { ConnectionTest } from "@/lib/data/data-map/config/sql-dataset";
import type { MessageKey } from "@/lib/i18n/translate";

import { useConnectionTest } from "./connection-test";

/** Opens the stored connection and checks the saved dataset against the live tables and columns. */
export function SqlConnectionTest(props: { systemId: string }) {
  const { t } = useI18n();
  const { busy, result, error, test } = useConnectionTest<ConnectionTest>(() =>
    testSqlSystem({ id: props.systemId }),
  );

  return (
    <div>
      <button type="button" className="secondary" disabled={busy} onClick={() => void test()}>
        {busy ? t("settingsSql.testing") : t("settingsSql.test")}
      </button>
      <div aria-live="polite" data-testid="connection-test">
        {result?.ok && <p className="success">{t("settingsSql.testOk")}</p>}
        {result && !result.ok && result.failure && (
          <p className="error">
            {t("settingsSql.testFailed", {
              reason: t(`fulfilment.tasks.failure.${result.failure}` as MessageKey, { detail: "" }),
            })}
          </p>
        )}
        {result && !result.ok && result.problems.length > 0 && (
          <div className="error">
            <p>{t("settingsSql.testProblems")}</p>
            <ul>
              {result.problems.map((p) => (
                <li key={`${p.at}-${p.kind}`}>
                  {t(`fulfilment.tasks.problem.${p.kind}`, { at: p.at, size: p.size ?? "" })}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <FormAlert error={error.error} errorId={error.errorId} />
    </div>
  );
}
