import type { Db, Tx } from "@/lib/db";
import type { ConnectorKind } from "@/lib/generated/prisma/enums";

import type { TaskActor, TaskRef } from "../settle-task";
import type { TaskContext, TaskResult } from "../types";

// The one interface every connector implements (issue 18, the connector kit): the four things a
// request asks of a system (access, correct, erase, stop use) and a test of the connection. The
// runner (run-task.ts) claims the task, calls the method its action names, and settles the task by
// the answer; the conformance suite (conformance.test.ts) holds every connector to the same
// behaviour. MANUAL systems have no connector: staff work their tasks from a checklist.

/** How a run ended, as far as the connector is concerned. */
export type ConnectorAnswer =
  /** The result, for the runner to store (the system's own change is already committed). */
  | { kind: "done"; result: TaskResult }
  /** The connector stored the result itself, in the same transaction as its change (INTERNAL). */
  | { kind: "settled" }
  /** The system answers later: a callback (HTTP 202) or a person through a link (EMAIL). */
  | { kind: "waiting" };

export interface ConnectorRun {
  db: Db;
  ctx: TaskContext;
  /** The task as the audit and timeline name it, with its request's reference. */
  task: TaskRef & { request: { reference: string } };
  actor: TaskActor;
  /**
   * Runs `work` in a transaction that also settles the task SUCCEEDED with what it returns, for a
   * change that must commit with its record (the portal's own data). Answers `settled`.
   */
  settleWith(work: (tx: Tx) => Promise<TaskResult>): Promise<ConnectorAnswer>;
}

/** A connection test: passed, or the failure code (fulfilment.tasks.failure.<code>) and detail. */
export type ConnectionCheck = { ok: true } | { ok: false; problem: string };

export interface TestedSystem {
  id: string;
  key: string;
  config: unknown;
}

export interface Connector {
  readonly kind: Exclude<ConnectorKind, "MANUAL">;
  /** EXPORT: the person's data the system holds (a disclosure). */
  access(run: ConnectorRun): Promise<ConnectorAnswer>;
  /** CORRECT: the corrections staff approved for this system, applied. */
  correct(run: ConnectorRun): Promise<ConnectorAnswer>;
  /** ERASE: the data concerned erased, by the system's rules; what is kept, with its reason. */
  erase(run: ConnectorRun): Promise<ConnectorAnswer>;
  /** RESTRICT and STOP_PROVISION: the use (or the provision) stopped. */
  stopUse(run: ConnectorRun): Promise<ConnectorAnswer>;
  /** Whether the system can be reached as configured, changing nothing. */
  testConnection(db: Db, system: TestedSystem): Promise<ConnectionCheck>;
}

/** The method a task's action calls. */
export function perform(connector: Connector, run: ConnectorRun): Promise<ConnectorAnswer> {
  switch (run.ctx.task.action) {
    case "EXPORT":
      return connector.access(run);
    case "CORRECT":
      return connector.correct(run);
    case "ERASE":
      return connector.erase(run);
    case "RESTRICT":
    case "STOP_PROVISION":
      return connector.stopUse(run);
  }
}

/** A connector whose four actions take one path (the action is in the run's context). */
export function uniform(
  kind: Connector["kind"],
  run: (run: ConnectorRun) => Promise<ConnectorAnswer>,
  testConnection: Connector["testConnection"],
): Connector {
  return { kind, access: run, correct: run, erase: run, stopUse: run, testConnection };
}
