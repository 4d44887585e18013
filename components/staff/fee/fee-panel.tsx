import { getFeeState } from "@/lib/data/requests/fees";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { isOpen } from "@/lib/requests/lifecycle";

import type { StaffPanelProps } from "../panel-props";
import { FeeAskForm, FeeSettleForm } from "@/components/staff/deferred-forms";

/**
 * Fees for staff: ask for one on a basis the law allows (while the request is in progress), record
 * the open one paid or waived (while it waits), and the fees asked so far.
 */
export async function FeePanel({ request, actor, locale, t }: StaffPanelProps) {
  if (!isOpen(request.status) && request.status !== "COMPLETED") return null;
  const state = await getFeeState({ actor, reference: request.reference });
  if (!state) return null;
  const asking = request.status === "IN_PROGRESS" && state.bases.length > 0;
  const open = state.fees.find((f) => f.settlement === null);
  if (!asking && !open && state.fees.length === 0) return null;
  const settled = state.fees.filter((f) => f.settlement !== null);
  return (
    <section className="panel" aria-labelledby="fee-title" data-testid="fee-panel">
      <h2 id="fee-title">{t("fees.title")}</h2>
      {open && request.status === "AWAITING_FEE" && (
        <>
          <p role="status">
            {t("fees.waiting", {
              amount: formatMoney(locale, open.amountMinor, open.currency),
              date: formatDate(locale, open.askedAt),
            })}
          </p>
          <p className="help">{t("fees.clockNote")}</p>
          <FeeSettleForm reference={request.reference} />
        </>
      )}
      {asking && (
        <>
          <p className="help">{t("fees.intro")}</p>
          <FeeAskForm
            reference={request.reference}
            bases={state.bases.map((b) => ({
              ...b,
              label: t(`fees.bases.${b.basis}`),
            }))}
          />
        </>
      )}
      {settled.length > 0 && (
        <>
          <h3>{t("fees.history")}</h3>
          <ul>
            {settled.map((f) => (
              <li key={f.id}>
                {t(`fees.bases.${f.basis}`)}: {formatMoney(locale, f.amountMinor, f.currency)} —{" "}
                {f.settlement === "PAID" && f.receivedAt
                  ? t("fees.settledPaid", { date: formatDate(locale, f.receivedAt) })
                  : t("fees.settledWaived")}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
