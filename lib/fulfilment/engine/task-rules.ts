import type { ConnectorKind, FulfilmentAction, TaskStatus } from "@/lib/generated/prisma/enums";

// What staff may do with a task in each state; the data functions check it and the panel shows
// only the buttons it allows. Pure.

/** A task still RUNNING after this long has lost its worker or its callback: it may be retried. */
export const STALE_RUNNING_MS = 10 * 60 * 1000;

/** Statuses a task can still leave by itself (the engine runs it or a system calls back). */
export const ACTIVE_STATUSES: readonly TaskStatus[] = ["PENDING", "RUNNING"];

interface TaskState {
  status: TaskStatus;
  connector: ConnectorKind;
  startedAt: Date | null;
  /** A database change waiting for staff to start it (after its dry run). */
  awaitingStart?: boolean;
  /** When an HTTP system answered 202, or an EMAIL task was mailed: it waits for an answer. */
  acceptedAt?: Date | null;
}

/** A held database change may be started by staff. */
export function canStart(task: Pick<TaskState, "status" | "awaitingStart">): boolean {
  return task.status === "PENDING" && task.awaitingStart === true;
}

export function canRetry(task: TaskState, now = new Date()): boolean {
  if (task.connector === "MANUAL") return false;
  if (task.status === "FAILED") return true;
  return (
    task.status === "RUNNING" &&
    task.startedAt !== null &&
    now.getTime() - task.startedAt.getTime() > STALE_RUNNING_MS
  );
}

export function canCancel(task: Pick<TaskState, "status">): boolean {
  return task.status === "PENDING" || task.status === "RUNNING" || task.status === "FAILED";
}

export function canCompleteManually(task: Pick<TaskState, "status" | "connector">): boolean {
  return task.connector === "MANUAL" && (task.status === "PENDING" || task.status === "RUNNING");
}

/** Whether the page should keep refreshing: the engine is still working on the task. */
export function isEngineWorking(
  task: Pick<TaskState, "status" | "connector" | "awaitingStart" | "acceptedAt">,
): boolean {
  // A mailed EMAIL task waits for a person, for days: nothing for the page to watch.
  if (task.connector === "EMAIL" && task.status === "RUNNING" && task.acceptedAt) return false;
  return (
    task.connector !== "MANUAL" && !task.awaitingStart && ACTIVE_STATUSES.includes(task.status)
  );
}

// The checklist a staff member works through for a MANUAL task, per action (catalogue keys under
// fulfilment.tasks.checklist.<action>.<key>).
export const CHECKLISTS = {
  EXPORT: ["found", "exported", "thirdParty"],
  CORRECT: ["found", "corrected", "checked"],
  ERASE: ["found", "erased", "kept"],
  RESTRICT: ["found", "flagged", "informed"],
  STOP_PROVISION: ["found", "stopped", "recipients"],
} as const satisfies Record<FulfilmentAction, readonly string[]>;

export type ChecklistKey = (typeof CHECKLISTS)[FulfilmentAction][number];
export type ChecklistEntry = { key: string; done: boolean };

export function initialChecklist(action: FulfilmentAction): ChecklistEntry[] {
  return CHECKLISTS[action].map((key) => ({ key, done: false }));
}

/** The stored checklist, or the action's empty one when the stored value is not a checklist. */
export function readChecklist(action: FulfilmentAction, stored: unknown): ChecklistEntry[] {
  const done = new Set(
    Array.isArray(stored)
      ? stored.flatMap((e: unknown) => {
          const entry = e as Partial<ChecklistEntry> | null;
          return entry && typeof entry.key === "string" && entry.done === true ? [entry.key] : [];
        })
      : [],
  );
  return CHECKLISTS[action].map((key) => ({ key, done: done.has(key) }));
}
