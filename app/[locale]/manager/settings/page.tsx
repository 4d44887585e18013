import { forbidden } from "next/navigation";

import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { countUnnamedFields } from "@/lib/data/data-map/config/system-fields";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator, type MessageKey } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

const GROUPS: { title: MessageKey; links: { path: string; label: MessageKey }[] }[] = [
  {
    title: "settings.organisationTitle",
    links: [
      { path: "brand", label: "settings.link.brand" },
      { path: "statements", label: "settings.link.statements" },
    ],
  },
  {
    title: "settings.dataMapTitle",
    links: [
      { path: "systems", label: "settings.link.systems" },
      { path: "categories", label: "settings.link.categories" },
      { path: "purposes", label: "settings.link.purposes" },
      { path: "recipients", label: "settings.link.recipients" },
    ],
  },
  {
    title: "settings.policiesTitle",
    links: [
      { path: "deadlines", label: "settings.link.deadlines" },
      { path: "fees", label: "settings.link.fees" },
      { path: "authorities", label: "settings.link.authorities" },
      { path: "templates", label: "settings.link.templates" },
      { path: "staff", label: "settings.link.staff" },
    ],
  },
  {
    title: "settings.integrationTitle",
    links: [
      { path: "api-keys", label: "settings.link.apiKeys" },
      { path: "drp-agents", label: "settings.link.drpAgents" },
    ],
  },
];

// The configuration index: one page per setting, each audited where it writes.
export default async function SettingsPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "policy:configure")) forbidden();
  const unnamed = can(actor.role, "data-map:configure") ? await countUnnamedFields({ actor }) : 0;
  return (
    <>
      <h1>{t("settings.title")}</h1>
      <p>{t("settings.intro")}</p>
      {unnamed > 0 && (
        <p className="notice" data-testid="unnamed-fields">
          {t("settingsDataMap.fields.unnamedCount", { count: unnamed })}
        </p>
      )}
      {GROUPS.map((group, i) => (
        <section key={group.title} className="panel" aria-labelledby={`settings-group-${i}`}>
          <h2 id={`settings-group-${i}`}>{t(group.title)}</h2>
          <ul>
            {group.links.map((link) => (
              <li key={link.path}>
                <a href={`/${locale}/manager/settings/${link.path}`}>{t(link.label)}</a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
