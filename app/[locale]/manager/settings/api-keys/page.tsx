import { forbidden } from "next/navigation";

import { StackTable } from "@/components/ui/stack-table";
import { ClientSections } from "@/components/i18n/client-sections";
import { CreateKeyForm } from "@/components/manager/settings/integration/create-key-form";
import { KeyActions } from "@/components/manager/settings/integration/key-actions";
import { WebhookForm } from "@/components/manager/settings/integration/webhook-form";
import { OutboundRules } from "@/components/manager/settings/outbound-rules";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { toLocale, type Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { getTranslator } from "@/lib/i18n/translate";
import { listIntegration, type IntegrationSystem } from "@/lib/integration/manage/list-integration";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

function KeysTable({ system, locale }: { system: IntegrationSystem; locale: Locale }) {
  const t = getTranslator(locale);
  if (system.apiKeys.length === 0) return <p>{t("integration.noKeys")}</p>;
  return (
    <StackTable
      columns={[
        t("integration.column.label"),
        t("integration.column.prefix"),
        t("integration.column.scopes"),
        t("integration.column.created"),
        t("integration.column.lastUsed"),
        t("integration.column.status"),
        t("integration.column.actions"),
      ]}
      caption={t("integration.keysCaption", { name: system.name })}
      testId={`api-keys-${system.key}`}
    >
      {system.apiKeys.map((key) => (
        <tr key={key.id} data-prefix={key.prefix}>
          <td>{key.label}</td>
          <td>
            <code>{key.prefix}</code>
          </td>
          <td>{key.scopes.map((s) => t(`integration.scope.${s}`)).join("、")}</td>
          <td>{formatDateTime(locale, key.createdAt)}</td>
          <td>
            {key.lastUsedAt ? formatDateTime(locale, key.lastUsedAt) : t("integration.never")}
          </td>
          <td>
            {key.revokedAt
              ? t("integration.revokedOn", { date: formatDateTime(locale, key.revokedAt) })
              : t("integration.active")}
          </td>
          <td>{!key.revokedAt && <KeyActions keyId={key.id} prefix={key.prefix} />}</td>
        </tr>
      ))}
    </StackTable>
  );
}

// API keys and webhooks per data system (issue 6). Keys are shown once, when made; every change
// is audited in the data layer (lib/integration/manage).
export default async function ApiKeysPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "integration:configure")) forbidden();
  const systems = await listIntegration({ actor, locale });

  return (
    <ClientSections locale={locale} sections={["integration"]}>
      <h1>{t("integration.title")}</h1>
      <p>{t("integration.intro")}</p>
      <p>
        <a href="/api/v1/openapi.json">{t("integration.openApi")}</a>
      </p>
      <OutboundRules t={t} />
      {systems.length === 0 && <p>{t("integration.noSystems")}</p>}
      {systems.map((system) => (
        <section
          key={system.id}
          className="panel"
          aria-labelledby={`system-${system.key}`}
          data-system={system.key}
        >
          <h2 id={`system-${system.key}`}>
            {t("integration.systemHeading", { name: system.name, key: system.key })}
          </h2>
          <KeysTable system={system} locale={locale} />
          <CreateKeyForm systemId={system.id} systemKey={system.key} />
          {system.canSign ? (
            <WebhookForm
              systemId={system.id}
              systemKey={system.key}
              url={system.webhook?.url ?? ""}
              active={system.webhook?.active ?? true}
            />
          ) : (
            <p className="help">{t("integration.webhook.noSecret")}</p>
          )}
        </section>
      ))}
    </ClientSections>
  );
}
