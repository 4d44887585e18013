import { describeFailure } from "@/components/staff/fulfilment/task-summary";
import { ConnectionTest } from "@/components/manager/settings/data-map/connection-test";
import type { SystemHealth } from "@/lib/data/data-map/config/system-health";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

/** A system's connector health (lib/data/data-map/config/system-health.ts): tasks and last test. */
export function SystemHealthPanel(props: {
  health: SystemHealth;
  locale: Locale;
  t: Translate;
  /** Whether the connector has a connection test (every connector but MANUAL). */
  testable: boolean;
  /** Offer the test here: for a SQL system it sits with its dataset, which it checks too. */
  testHere?: { systemId: string };
}) {
  const { health, locale, t } = props;
  const at = (date: Date | null) =>
    date ? formatDateTime(locale, date) : t("settingsDataMap.health.never");
  return (
    <section className="panel" aria-labelledby="health-title" data-testid="system-health">
      <h2 id="health-title">{t("settingsDataMap.health.title")}</h2>
      <p>{t("settingsDataMap.health.intro")}</p>
      <dl className="facts">
        <dt>{t("settingsDataMap.health.tasks")}</dt>
        <dd>
          {t("settingsDataMap.health.tasksValue", {
            succeeded: health.succeeded,
            failures: health.failures,
            open: health.open,
          })}
        </dd>
        <dt>{t("settingsDataMap.health.lastSuccess")}</dt>
        <dd>{at(health.lastSuccessAt)}</dd>
        <dt>{t("settingsDataMap.health.lastFailure")}</dt>
        <dd>
          {health.lastFailure
            ? `${at(health.lastFailure.at)}: ${describeFailure(health.lastFailure.reason, t) ?? ""}`
            : t("settingsDataMap.health.never")}
        </dd>
        {props.testable && (
          <>
            <dt>{t("settingsDataMap.health.lastTest")}</dt>
            <dd data-testid="last-test">
              {!health.lastTestedAt
                ? t("settingsDataMap.health.never")
                : health.lastTestProblem
                  ? t("settingsDataMap.health.testFailed", {
                      date: at(health.lastTestedAt),
                      reason: describeFailure(health.lastTestProblem, t) ?? "",
                    })
                  : t("settingsDataMap.health.testPassed", { date: at(health.lastTestedAt) })}
            </dd>
          </>
        )}
      </dl>
      {props.testHere && <ConnectionTest systemId={props.testHere.systemId} />}
    </section>
  );
}
