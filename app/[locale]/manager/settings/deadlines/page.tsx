import { forbidden } from "next/navigation";

import { ClientSections } from "@/components/i18n/client-sections";
import { DeadlineOverrideForm } from "@/components/manager/settings/policies/deadline-override-form";
import { DeadlinePolicyForm } from "@/components/manager/settings/policies/deadline-policy-form";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { listDeadlinePolicies } from "@/lib/data/policies/list-deadline-policies";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator, type MessageKey } from "@/lib/i18n/translate";
import { JURISDICTIONS } from "@/lib/validation/policies-config";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

/** Every deadline rule, editable, grouped by jurisdiction; per-type rules can be added. */
export default async function DeadlineSettingsPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "policy:configure")) forbidden();
  const policies = await listDeadlinePolicies({ actor });

  return (
    <ClientSections locale={locale} sections={["settingsPolicies", "deadlines", "requestType"]}>
      <p>
        <a href={`/${locale}/manager/settings`}>{t("settingsPolicies.back")}</a>
      </p>
      <h1>{t("settingsPolicies.deadlines.title")}</h1>
      <p>{t("settingsPolicies.deadlines.intro")}</p>
      {JURISDICTIONS.map((jurisdiction) => {
        const rows = policies.filter((p) => p.jurisdiction === jurisdiction);
        if (rows.length === 0) return null;
        return (
          <section key={jurisdiction} aria-labelledby={`dp-${jurisdiction}`}>
            <h2 id={`dp-${jurisdiction}`}>{t(`settingsPolicies.jurisdiction.${jurisdiction}`)}</h2>
            {rows.map((row) => (
              <div key={row.id}>
                {row.warnings.map((w) => (
                  <p key={w.key} className="notice" role="note">
                    {t("settingsPolicies.deadlines.warning")}: {t(w.key as MessageKey)}
                  </p>
                ))}
                <DeadlinePolicyForm
                  policy={{
                    id: row.id,
                    jurisdiction: row.jurisdiction,
                    base: row.requestType === null,
                    title: t("settingsPolicies.deadlines.editTitle", {
                      jurisdiction: t(`settingsPolicies.jurisdiction.${jurisdiction}`),
                      type: row.requestType
                        ? t(`requestType.${row.requestType}`)
                        : t("settingsPolicies.deadlines.base"),
                    }),
                    values: row,
                  }}
                />
              </div>
            ))}
          </section>
        );
      })}
      <DeadlineOverrideForm />
    </ClientSections>
  );
}
