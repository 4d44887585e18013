import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";
import { todayInJapan } from "@/lib/validation/queue";

// The regulators' CSV export: a plain GET form (dates only) to the streaming route.

export function ExportForm({ locale, t, now }: { locale: Locale; t: Translate; now: Date }) {
  const today = todayInJapan(now);
  return (
    <section className="panel" aria-labelledby="export-h">
      <h2 id="export-h">{t("dashboard.exportTitle")}</h2>
      <p>{t("dashboard.exportHelp")}</p>
      <form method="get" action={`/${locale}/manager/export`}>
        <div className="row">
          <div className="field">
            <label htmlFor="export-from">{t("dashboard.from")}</label>
            <input
              id="export-from"
              name="from"
              type="date"
              required
              defaultValue={`${today.slice(0, 7)}-01`}
            />
          </div>
          <div className="field">
            <label htmlFor="export-to">{t("dashboard.to")}</label>
            <input id="export-to" name="to" type="date" required defaultValue={today} />
          </div>
        </div>
        <button type="submit">{t("dashboard.download")}</button>
      </form>
    </section>
  );
}
