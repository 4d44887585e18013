import type { Actor } from "@/lib/auth/actor";
import { getOpenFee } from "@/lib/data/requests/fees";
import type { Locale } from "@/lib/i18n/config";
import { formatMoney } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

/** The requester's next step while a fee is asked: how much, how to pay, and what it does to the clock. */
export async function FeeNotice(props: {
  actor: Actor;
  reference: string;
  locale: Locale;
  t: Translate;
}) {
  const { actor, reference, locale, t } = props;
  const fee = await getOpenFee({ actor, reference });
  if (!fee) return null;
  return (
    <section className="notice" aria-labelledby="fee-notice-title" data-testid="fee-notice">
      <h2 id="fee-notice-title">{t("fees.requesterTitle")}</h2>
      <p>
        {t("fees.requesterBody", { amount: formatMoney(locale, fee.amountMinor, fee.currency) })}
      </p>
      <p className="pre-line">{fee.instructions}</p>
      <p className="help">{t("fees.requesterClock")}</p>
    </section>
  );
}
