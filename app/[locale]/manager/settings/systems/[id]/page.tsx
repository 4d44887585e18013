import Link from "next/link";
import { forbidden, notFound } from "next/navigation";

import { ClientSections } from "@/components/i18n/client-sections";
import { FieldsForm } from "@/components/manager/settings/data-map/fields-form";
import { RotateSecret } from "@/components/manager/settings/data-map/rotate-secret";
import { SqlConnectionTest } from "@/components/manager/settings/data-map/sql-connection-test";
import { SqlDatasetForm } from "@/components/manager/settings/data-map/sql-dataset-form";
import { SystemHealthPanel } from "@/components/manager/settings/data-map/system-health";
import { SystemForm } from "@/components/manager/settings/data-map/system-form";
import { UsesForm } from "@/components/manager/settings/data-map/uses-form";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { listSystemUses } from "@/lib/data/data-map/config/list-system-uses";
import { listSystems } from "@/lib/data/data-map/config/list-systems";
import { readSqlDataset } from "@/lib/data/data-map/config/sql-dataset";
import { systemHealth } from "@/lib/data/data-map/config/system-health";
import { listSystemFields } from "@/lib/data/data-map/config/system-fields";
import { toLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }> };

/** One data system: its settings, its signing secret (HTTP) and what it holds for which purpose. */
export default async function SystemPage({ params }: Props) {
  const { locale: raw, id } = await params;
  const locale = toLocale(raw);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "data-map:configure")) forbidden();
  const [system] = await listSystems({ actor, id });
  if (!system) notFound();
  const [uses, fields, dataset, health] = await Promise.all([
    listSystemUses({ actor, systemId: system.id, locale }),
    listSystemFields({ actor, systemId: system.id }),
    system.connector === "SQL" ? readSqlDataset({ actor, systemId: system.id }) : null,
    systemHealth({ actor, systemId: system.id }),
  ]);
  const name = locale === "ja" ? system.nameJa : system.nameEn;

  return (
    <ClientSections locale={locale} sections={["settingsDataMap", "settingsSql", "fulfilment"]}>
      <p>
        <Link href={`/${locale}/manager/settings/systems`}>{t("settingsDataMap.backToList")}</Link>
      </p>
      <h1>{t("settingsDataMap.editTitle", { name })}</h1>
      <SystemForm
        initial={{
          id: system.id,
          key: system.key,
          nameJa: system.nameJa,
          nameEn: system.nameEn,
          descriptionJa: system.descriptionJa,
          descriptionEn: system.descriptionEn,
          connector: system.connector,
          endpoint: system.endpoint,
          timeoutMs: String(system.timeoutMs ?? 10_000),
          mailTo: system.mail?.to ?? "",
          mailLocale: system.mail?.locale ?? "ja",
          remindEveryDays: String(system.mail?.remindEveryDays ?? 3),
          maxReminders: String(system.mail?.maxReminders ?? 5),
        }}
      />
      {system.connector !== "INTERNAL" && (
        <SystemHealthPanel
          health={health}
          locale={locale}
          t={t}
          testable={system.connector !== "MANUAL"}
          testHere={
            system.connector === "HTTP" || system.connector === "EMAIL"
              ? { systemId: system.id }
              : undefined
          }
        />
      )}
      {dataset && (
        <section className="panel" aria-labelledby="dataset-title">
          <h2 id="dataset-title">{t("settingsSql.title")}</h2>
          <p>{t("settingsSql.intro")}</p>
          <p data-testid="connection-status">
            {dataset.hasConnection
              ? t("settingsSql.connectionSet")
              : t("settingsSql.connectionMissing")}
          </p>
          <SqlDatasetForm systemId={system.id} yaml={dataset.yaml} />
          <SqlConnectionTest systemId={system.id} />
        </section>
      )}
      <section className="panel" aria-labelledby="secret-title">
        <h2 id="secret-title">{t("settingsDataMap.systems.secretTitle")}</h2>
        {system.connector === "HTTP" ? (
          <>
            <p>{t("settingsDataMap.systems.secretIntro")}</p>
            <p data-testid="secret-status">
              {system.hasSecret
                ? t("settingsDataMap.systems.secretSet")
                : t("settingsDataMap.systems.secretMissing")}
              {system.secretRotatedAt &&
                ` (${t("settingsDataMap.systems.rotatedAt", { date: formatDate(locale, system.secretRotatedAt) })})`}
            </p>
            <RotateSecret kind="system" id={system.id} />
          </>
        ) : (
          <p>{t("settingsDataMap.systems.notHttpSecret")}</p>
        )}
      </section>
      <section className="panel" aria-labelledby="uses-title">
        <h2 id="uses-title">{t("settingsDataMap.systems.usesTitle")}</h2>
        <p>{t("settingsDataMap.systems.usesIntro")}</p>
        <UsesForm systemId={system.id} {...uses} />
      </section>
      <section className="panel" aria-labelledby="fields-title">
        <h2 id="fields-title">{t("settingsDataMap.systems.fieldsTitle")}</h2>
        <p>{t("settingsDataMap.systems.fieldsIntro")}</p>
        <FieldsForm systemId={system.id} fields={fields} />
      </section>
    </ClientSections>
  );
}
