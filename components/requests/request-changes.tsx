import { StackTable } from "@/components/ui/stack-table";
import type { Actor } from "@/lib/auth/actor";
import { getRequestChanges } from "@/lib/data/fulfilment/request-changes";
import type { RequestType } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";

// The types whose fulfilment changes the organisation's records.
const CHANGING: readonly RequestType[] = ["CORRECTION", "SUSPENSION_ERASURE", "STOP_PROVISION"];

/**
 * What a completed correction, erasure or stop did: each item before and after, what was erased
 * and what the law keeps (and why), what was stopped, and that the recipients were told.
 */
export async function RequestChanges(props: {
  actor: Actor;
  reference: string;
  locale: Locale;
  t: Translate;
}) {
  const { t } = props;
  const found = await getRequestChanges(props);
  if (!found || !CHANGING.includes(found.type)) return null;
  const { changes, erased, kept, restrictions, noticesSent, told } = found;
  const nothing =
    changes.length === 0 && erased === 0 && kept.length === 0 && restrictions.length === 0;
  return (
    <section className="panel" aria-labelledby="changes-title" data-testid="request-changes">
      <h2 id="changes-title">{t("fulfilment.actions.result.title")}</h2>
      <p>{t("fulfilment.actions.result.intro")}</p>
      {nothing && <p>{t("fulfilment.actions.result.none")}</p>}
      {changes.length > 0 && (
        <>
          <h3>{t("fulfilment.actions.result.changesTitle")}</h3>
          <StackTable
            caption={t("fulfilment.actions.result.caption")}
            columns={[
              t("fulfilment.actions.result.columns.item"),
              t("fulfilment.actions.result.columns.system"),
              t("fulfilment.actions.result.columns.action"),
              t("fulfilment.actions.result.columns.before"),
              t("fulfilment.actions.result.columns.after"),
            ]}
          >
            {changes.map((c, i) => (
              <tr key={`${c.ref}-${i}`}>
                <th scope="row">{c.item}</th>
                <td>{c.system}</td>
                <td>{t(`fulfilment.actions.result.action.${c.action}`)}</td>
                <td>{c.before ?? "—"}</td>
                <td>
                  {c.action === "DELETE"
                    ? t("fulfilment.actions.result.deleted")
                    : (c.after ?? "—")}
                </td>
              </tr>
            ))}
          </StackTable>
        </>
      )}
      {erased > 0 && (
        <>
          <h3>{t("fulfilment.actions.result.erasedTitle")}</h3>
          <p>{t("fulfilment.actions.result.erased", { count: erased })}</p>
        </>
      )}
      {kept.length > 0 && (
        <>
          <h3>{t("fulfilment.actions.result.keptTitle")}</h3>
          <StackTable
            caption={t("fulfilment.actions.result.keptCaption")}
            columns={[
              t("fulfilment.actions.result.keptColumns.item"),
              t("fulfilment.actions.result.columns.system"),
              t("fulfilment.actions.result.keptColumns.reason"),
            ]}
          >
            {kept.map((k, i) => (
              <tr key={i}>
                <th scope="row">{k.item}</th>
                <td>{k.system ?? "—"}</td>
                <td>{k.reason}</td>
              </tr>
            ))}
          </StackTable>
        </>
      )}
      {restrictions.length > 0 && (
        <>
          <h3>{t("fulfilment.actions.result.restrictionsTitle")}</h3>
          <ul>
            {restrictions.map((r, i) => (
              <li key={i}>
                {t(`fulfilment.actions.result.restriction.${r.kind}`, {
                  name: r.name ?? (r.recipientClass ? t(`recipientClass.${r.recipientClass}`) : ""),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {noticesSent > 0 && (
        <>
          <h3>{t("fulfilment.actions.result.toldTitle")}</h3>
          <p>{t("fulfilment.actions.result.noticesSent", { count: noticesSent })}</p>
          <ul data-testid="told-recipients">
            {told.map((r) => (
              <li key={r.name}>
                {r.name} —{" "}
                {r.confirmed
                  ? t("fulfilment.actions.result.toldConfirmed")
                  : t("fulfilment.actions.result.toldWaiting")}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
