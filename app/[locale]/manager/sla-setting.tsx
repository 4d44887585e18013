"use client";

import { lazy, Suspense, useState } from "react";

import { useI18n } from "@/components/i18n/i18n-provider";

const SlaForm = lazy(() => import("./sla-form").then((m) => ({ default: m.SlaForm })));

/**
 * The JP internal deadline on the dashboard: the figure, and its form when the manager asks to
 * change it. The form (react-hook-form, 15 kB) loads then, not with the dashboard, which stays
 * within the first-load budget (docs/benchmarks.md).
 */
export function SlaSetting({ days }: { days: number }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  return (
    <section className="panel" aria-labelledby="sla-title">
      <h2 id="sla-title">{t("manager.slaTitle")}</h2>
      <p id="sla-help">{t("manager.slaHelp")}</p>
      {editing ? (
        <Suspense fallback={<p role="status">{t("manager.slaLoading")}</p>}>
          <SlaForm days={days} />
        </Suspense>
      ) : (
        <p className="inline-setting">
          <strong data-testid="sla-days">{t("manager.slaCurrent", { days })}</strong>{" "}
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            {t("manager.slaChange")}
          </button>
        </p>
      )}
    </section>
  );
}
