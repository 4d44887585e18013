import { ClientSections } from "@/components/i18n/client-sections";
import { SystemTaskAnswerForm } from "@/components/system-tasks/answer-form";
import { StackTable } from "@/components/ui/stack-table";
import { openSystemTask } from "@/lib/data/fulfilment/system-task-link";
import { toLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { linkPageMetadata } from "@/lib/i18n/public-metadata";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

// Public, for the person or vendor desk that runs a system reached by mail (the EMAIL connector,
// lib/fulfilment/engine/connectors/email): the task its mail linked to, opened by the link's
// signature alone. It says whom the task concerns and what is asked (only this system's part of
// the request), then takes the answer. The link never leaves this page (no referrer, not indexed).

type Props = { params: Promise<{ locale: string; token: string }> };

export const generateMetadata = linkPageMetadata("systemTask.title");

export default async function SystemTaskPage({ params }: Props) {
  const { locale: raw, token } = await params;
  const locale = toLocale(raw);
  const t = getTranslator(locale);
  const task = await openSystemTask(token, locale);
  if (!task)
    return (
      <>
        <h1>{t("systemTask.title")}</h1>
        <p role="alert" className="alert">
          {t("systemTask.invalid")}
        </p>
      </>
    );
  const separator = locale === "ja" ? "、" : ", ";
  return (
    <>
      <h1>{t("systemTask.title")}</h1>
      <p>
        {t("systemTask.intro", {
          organisation: task.organisation,
          system: task.system,
          reference: task.reference,
        })}
      </p>
      <section className="panel" aria-labelledby="task-facts-title">
        <h2 id="task-facts-title">{t("systemTask.facts")}</h2>
        <dl className="facts" data-testid="task-facts">
          <dt>{t("systemTask.action")}</dt>
          <dd>{t(`fulfilment.tasks.action.${task.action}`)}</dd>
          <dt>{t("systemTask.reference")}</dt>
          <dd>{task.reference}</dd>
          <dt>{t("systemTask.mailedAt")}</dt>
          <dd>{formatDate(locale, task.mailedAt)}</dd>
          <dt>{t("systemTask.person")}</dt>
          <dd>{task.person.name}</dd>
          {task.person.email && (
            <>
              <dt>{t("systemTask.email")}</dt>
              <dd>{task.person.email}</dd>
            </>
          )}
          {task.person.externalIds.length > 0 && (
            <>
              <dt>{t("systemTask.externalIds")}</dt>
              <dd>{task.person.externalIds.join(separator)}</dd>
            </>
          )}
          {(task.action === "EXPORT" || task.action === "ERASE") && (
            <>
              <dt>{t("systemTask.scope")}</dt>
              <dd>
                {task.categories
                  ? task.categories.map((c) => c.name).join(separator)
                  : t("systemTask.scopeAll")}
              </dd>
            </>
          )}
          {task.purposes.length > 0 && (
            <>
              <dt>{t("systemTask.purposes")}</dt>
              <dd>{task.purposes.join(separator)}</dd>
            </>
          )}
          {task.recipients.length > 0 && (
            <>
              <dt>{t("systemTask.recipients")}</dt>
              <dd>{task.recipients.join(separator)}</dd>
            </>
          )}
        </dl>
        {task.corrections.length > 0 && (
          <StackTable
            caption={t("systemTask.corrections")}
            columns={[
              t("systemTask.correctionColumns.category"),
              t("systemTask.correctionColumns.field"),
              t("systemTask.correctionColumns.action"),
              t("systemTask.correctionColumns.value"),
            ]}
          >
            {task.corrections.map((c, i) => (
              <tr key={i}>
                <td>{c.category}</td>
                <th scope="row">{c.field}</th>
                <td>{t(`systemTask.correctionAction.${c.action as "CORRECT"}`)}</td>
                <td>{c.value || "—"}</td>
              </tr>
            ))}
          </StackTable>
        )}
        <p>{t(`systemTask.do.${task.action}`)}</p>
      </section>
      {task.state === "waiting" ? (
        <section className="panel">
          {task.action === "EXPORT" && task.systemCategories.length > 0 && (
            <details>
              <summary>{t("systemTask.format.title")}</summary>
              <p>{t("systemTask.format.intro")}</p>
              <StackTable
                caption={t("systemTask.format.caption")}
                columns={[t("systemTask.format.key"), t("systemTask.format.name")]}
              >
                {task.systemCategories.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">
                      <code>{c.key}</code>
                    </th>
                    <td>{c.name}</td>
                  </tr>
                ))}
              </StackTable>
            </details>
          )}
          <ClientSections locale={locale} sections={["app", "errors", "validation", "systemTask"]}>
            <SystemTaskAnswerForm token={token} action={task.action} />
          </ClientSections>
        </section>
      ) : (
        <p role="status" className={task.state === "answered" ? "success" : undefined}>
          {task.state === "answered" && task.answeredAt
            ? t("systemTask.answered", { date: formatDate(locale, task.answeredAt) })
            : t("systemTask.closed")}
        </p>
      )}
    </>
  );
}
