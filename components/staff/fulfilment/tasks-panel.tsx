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
      failure: describeFailure(task.lastError, t),
      // Waiting for staff to start it after a dry run: a sentence, not a one-word state.
      awaitingStaff: task.awaitingStart && task.status === "PENDING",
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
            // Five columns, so the table reads in the workspace's column beside the facts: how a
            // system is reached goes under its name, retries and the last error under the state.
            columns={[
              t("fulfilment.tasks.columns.system"),
              t("fulfilment.tasks.columns.action"),
              t("fulfilment.tasks.columns.status"),
              t("fulfilment.tasks.columns.result"),
              ...(mayAct ? [t("fulfilment.tasks.columns.operations")] : []),
            ]}
          >
            {rows.map((task) => (
              <tr key={task.id} data-testid={`task-${task.system.key}-${task.action}`}>
                <th scope="row">
                  {task.name}
                  <br />
                  <small className="muted" data-testid="task-connector">
                    {t(`fulfilment.tasks.connector.${task.system.connector}`)}
                  </small>
                </th>
                <td className="task-word">{task.actionLabel}</td>
                <td>
                  <span data-testid="task-status">
                    {/* A state is one word, kept whole; the wait for a dry run is a sentence. */}
                    <span className={task.awaitingStaff ? undefined : "task-word"}>
                      {task.awaitingStaff
                        ? t("fulfilment.tasks.awaitingStart")
                        : task.status === "PENDING" && task.lastError
                          ? t("fulfilment.tasks.retrying")
                          : t(`fulfilment.tasks.status.${task.status}`)}
                    </span>
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
                  </span>
                  {/* Attempts are news when there was more than one, or the last one failed. */}
                  {(task.attempts > 1 || task.failure) && (
                    <>
                      <br />
                      <small className="muted" data-testid="task-attempts">
                        {t("fulfilment.tasks.attempts", { count: task.attempts })}
                      </small>
                    </>
                  )}
                  {task.failure && (
                    <>
                      <br />
                      <small data-testid="task-error">
                        {t("fulfilment.tasks.lastError", { error: task.failure })}
                      </small>
                    </>
                  )}
                </td>
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
