import { getJurisdictionState } from "@/lib/data/requests/jurisdictions";
import { ORGANISATION_ZONE } from "@/lib/deadlines/calendar";
import { formatDateTimeIn } from "@/lib/i18n/format";
import { residenceLabel } from "@/lib/i18n/residence";
import { JURISDICTIONS } from "@/lib/requests/jurisdiction";

import type { StaffPanelProps } from "../panel-props";

import { JurisdictionForm } from "@/components/staff/deferred-forms";
import { StackTable } from "@/components/ui/stack-table";

/**
 * Which laws the request answers to and why, each one's deadline (the earliest governs), and, on
 * an open request, the change of that set with a reason.
 */
export async function JurisdictionPanel({ request, actor, locale, t }: StaffPanelProps) {
  const state = await getJurisdictionState({ actor, reference: request.reference });
  if (!state) return null;
  const residence = residenceLabel(locale, t, state.residence);
  return (
    <section className="panel" aria-labelledby="jurisdictions-title" data-testid="jurisdictions">
      <h2 id="jurisdictions-title">{t("jurisdictions.title")}</h2>
      <p className="help">
        {t("jurisdictions.intro")} {t("jurisdictions.localTime")}
      </p>
      <dl className="facts">
        <dt>{t("jurisdictions.residence")}</dt>
        <dd>{residence}</dd>
      </dl>
      <StackTable
        caption={t("jurisdictions.caption")}
        columns={[
          t("jurisdictions.column.jurisdiction"),
          t("jurisdictions.column.reason"),
          t("jurisdictions.column.due"),
          t("jurisdictions.column.state"),
        ]}
      >
        {state.clocks.map((clock) => (
          <tr key={clock.jurisdiction} data-jurisdiction={clock.jurisdiction}>
            <th scope="row">{t(`queue.jurisdiction.${clock.jurisdiction}`)}</th>
            <td>{t(`jurisdictions.reason.${clock.reason ?? "unknown"}`)}</td>
            <td>
              <span data-testid="local-due">
                {formatDateTimeIn(locale, clock.dueAt, clock.zone)}
              </span>
              {clock.zone !== ORGANISATION_ZONE && (
                <>
                  <br />
                  <small data-testid="org-due">
                    {t("jurisdictions.orgTime", {
                      date: formatDateTimeIn(locale, clock.dueAt, ORGANISATION_ZONE),
                    })}
                  </small>
                </>
              )}
              {clock.restarted && (
                <>
                  <br />
                  <small>
                    {t(
                      clock.restarted.by === "FEE"
                        ? "jurisdictions.restartedByFee"
                        : "jurisdictions.restarted",
                      { date: formatDateTimeIn(locale, clock.restarted.at, clock.zone) },
                    )}
                  </small>
                </>
              )}
              {clock.ackDueAt && (
                <>
                  <br />
                  <small>
                    {t("jurisdictions.ackDue", {
                      date: formatDateTimeIn(locale, clock.ackDueAt, clock.zone),
                    })}
                  </small>
                </>
              )}
            </td>
            <td>
              {[
                clock.jurisdiction === state.governing ? t("jurisdictions.governing") : "",
                clock.paused ? t("jurisdictions.paused") : "",
                clock.extended ? t("jurisdictions.extended") : "",
              ]
                .filter(Boolean)
                .join("・") || "—"}
            </td>
          </tr>
        ))}
      </StackTable>
      {state.open && (
        <JurisdictionForm
          reference={request.reference}
          current={state.clocks.map((c) => c.jurisdiction)}
          labels={Object.fromEntries(JURISDICTIONS.map((j) => [j, t(`queue.jurisdiction.${j}`)]))}
        />
      )}
    </section>
  );
}
