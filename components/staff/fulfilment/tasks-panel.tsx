import { can } from "@/lib/auth/permissions";
import { listTasks } from "@/lib/data/fulfilment/list-tasks";
import {
  canCancel,
  canCompleteManually,
  canRetry,
  canStart,
  isEngineWorking,
  readChecklist,
} from "@/lib/fulfilment/engine/task-rules";
import { ZEmailConfig } from "@/lib/fulfilment/engine/connectors/email";
import { formatDateTime } from "@/lib/i18n/format";
import { isOpen } from "@/lib/requests/lifecycle";

import { StackTable } from "@/components/ui/stack-table";

import type { StaffPanelProps } from "../panel-props";

import { DryRun, ManualTaskForm, TaskActions } from "@/components/staff/deferred-forms";
import { TaskRefresher } from "./task-refresher";
import { describeFailure, summariseResult } from "./task-summary";

/** The request's fulfilment tasks, one per affected system: status, result, retry and cancel. */
export async function TasksPanel({ request, actor, locale, t }: StaffPanelProps) {
  const tasks = await listTasks({ actor, reference: request.reference });
  if (tasks.length === 0 && !request.identityVerifiedAt) return null;
  const mayAct = isOpen(request.status) && can(actor.role, "request:fulfil");
  const now = new Date();
  const rows = tasks.map((task) => {
    const state = {
      status: task.status,
      connector: task.system.connector,
      startedAt: task.startedAt,
      awaitingStart: task.awaitingStart,
    };
    return {
      ...task,
      name: locale === "ja" ? task.system.nameJa : task.system.nameEn,
      actionLabel: t(`fulfilment.tasks.action.${task.action}`),
      retry: mayAct && canRetry(state, now),
      cancel: mayAct && canCancel(state),
      manual: mayAct && canCompleteManually(state),
      start: mayAct && canStart(state),
      // A database's task can be tried without changing anything before it runs (again).
      dryRun:
        mayAct &&
        task.system.connector === "SQL" &&
        task.status !== "SUCCEEDED" &&
        task.status !== "CANCELLED",
    };
  });

  return (
    <section className="panel" aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t("fulfilment.tasks.title")}</h2>
      {rows.length === 0 ? (
        <p>{t("fulfilment.tasks.empty")}</p>
      ) : (
        <>
          <p>{t("fulfilment.tasks.intro")}</p>
          <TaskRefresher
            label={t("fulfilment.tasks.refreshing")}
            active={tasks.some((task) =>
              isEngineWorking({
                ...task,
                connector: task.system.connector,
                awaitingStart: task.awaitingStart,
              }),
            )}
          />
          <StackTable
            caption={t("fulfilment.tasks.caption")}
            className="tasks"
            columns={[
              t("fulfilment.tasks.columns.system"),
              t("fulfilment.tasks.columns.connector"),
              t("fulfilment.tasks.columns.action"),
              t("fulfilment.tasks.columns.status"),
              t("fulfilment.tasks.columns.attempts"),
              t("fulfilment.tasks.columns.lastError"),
              t("fulfilment.tasks.columns.result"),
              ...(mayAct ? [t("fulfilment.tasks.columns.operations")] : []),
            ]}
          >
            {rows.map((task) => (
              <tr key={task.id} data-testid={`task-${task.system.key}-${task.action}`}>
                <th scope="row">{task.name}</th>
                <td>{t(`fulfilment.tasks.connector.${task.system.connector}`)}</td>
                <td>{task.actionLabel}</td>
                <td data-testid="task-status">
                  {task.awaitingStart && task.status === "PENDING"
                    ? t("fulfilment.tasks.awaitingStart")
                    : task.status === "PENDING" && task.lastError
                      ? t("fulfilment.tasks.retrying")
                      : t(`fulfilment.tasks.status.${task.status}`)}
                  {task.system.connector === "EMAIL" &&
                  task.status === "RUNNING" &&
                  task.acceptedAt ? (
                    <>
                      <br />
                      <small data-testid="task-mailed">
                        {t("fulfilment.tasks.mailed", {
                          to: ZEmailConfig.safeParse(task.system.config).data?.to ?? "—",
                          date: formatDateTime(locale, task.acceptedAt),
                          count: task.reminders,
                        })}
                      </small>
                    </>
                  ) : (
                    task.status === "RUNNING" &&
                    task.startedAt && (
                      <>
                        <br />
                        <small>
                          <time dateTime={task.startedAt.toISOString()}>
                            {formatDateTime(locale, task.startedAt)}
                          </time>
                        </small>
                      </>
                    )
                  )}
                </td>
                <td>{task.attempts}</td>
                <td data-testid="task-error">{describeFailure(task.lastError, t) ?? "—"}</td>
                <td data-testid="task-result">
                  {task.status === "SUCCEEDED"
                    ? summariseResult(task.result, t)
                    : task.status === "CANCELLED" && task.note
                      ? t("fulfilment.tasks.result.note", { note: task.note })
                      : t("fulfilment.tasks.result.none")}
                  {task.assignee?.name && (
                    <>
                      <br />
                      <small>{t("fulfilment.tasks.assignee", { name: task.assignee.name })}</small>
                    </>
                  )}
                  {task.attachments.length > 0 && (
                    <>
                      <br />
                      <small>
                        {t("fulfilment.tasks.attachmentsLabel")}{" "}
                        {task.attachments.map((a, i) => (
                          <span key={a.id}>
                            {i > 0 && ", "}
                            <a href={`/api/staff/task-attachments/${a.id}`} download>
                              {a.fileName}
                            </a>
                          </span>
                        ))}
                      </small>
                    </>
                  )}
                </td>
                {mayAct && (
                  <td>
                    {task.dryRun && (
                      <DryRun
                        reference={request.reference}
                        taskId={task.id}
                        system={task.name}
                        action={task.actionLabel}
                      />
                    )}
                    {(task.retry || task.cancel || task.start) && (
                      <TaskActions
                        reference={request.reference}
                        taskId={task.id}
                        system={task.name}
                        action={task.actionLabel}
                        retry={task.retry}
                        start={task.start}
                        cancel={task.cancel}
                      />
                    )}
                  </td>
                )}
              </tr>
            ))}
          </StackTable>
          {rows
            .filter((task) => task.manual)
            .map((task) => (
              <ManualTaskForm
                key={task.id}
                reference={request.reference}
                taskId={task.id}
                title={t("fulfilment.tasks.manual.title", {
                  system: task.name,
                  action: task.actionLabel,
                })}
                action={task.action}
                checklist={readChecklist(task.action, task.checklist)}
                assigneeName={task.assignee ? (task.assignee.name ?? "—") : null}
                mine={task.assignee?.id === actor.userId}
              />
            ))}
        </>
      )}
    </section>
  );
}
