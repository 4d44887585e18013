import { TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
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
          <TextField
            id="export-from"
            label={t("dashboard.from")}
            name="from"
            type="date"
            required
            defaultValue={`${today.slice(0, 7)}-01`}
          />
          <TextField
            id="export-to"
            label={t("dashboard.to")}
            name="to"
            type="date"
            required
            defaultValue={today}
          />
        </div>
        {/* A download, not a send: the page stays as it is, so the button never waits. */}
        <SubmitButton pending={false}>{t("dashboard.download")}</SubmitButton>
      </form>
    </section>
  );
}
