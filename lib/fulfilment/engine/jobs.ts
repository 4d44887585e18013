import type { PgBoss } from "pg-boss";

import type { Db, Tx } from "@/lib/db";
import { QUEUES, sendInTx } from "@/lib/jobs/boss";

import { runTask } from "./run-task";
import type { TaskActor } from "./settle-task";

// The fulfilment-task queue: one job per run of a task (the fan-out, a retry from the page).
// pg-boss retries a job whose handler threw, with backoff (QUEUES in lib/jobs/boss.ts).

export interface FulfilmentJob {
  taskId: string;
  /** The person who asked for this run (a retry); absent when the engine runs it on its own. */
  actor?: NonNullable<TaskActor>;
}

/** Enqueues a run of the task in the caller's transaction. */
export async function enqueueTask(tx: Tx, taskId: string, actor?: NonNullable<TaskActor>) {
  const data: FulfilmentJob = { taskId, ...(actor ? { actor } : {}) };
  return sendInTx(tx, QUEUES.fulfilmentTask, data, { singletonKey: taskId });
}

const WORK_OPTIONS = {
  pollingIntervalSeconds: 1,
  batchSize: 1,
  includeMetadata: true,
  // An HTTP system that takes its time does not hold up every other task.
  localConcurrency: 2,
} as const;

export async function registerFulfilmentJobs(boss: PgBoss, db: Db): Promise<void> {
  await boss.work<FulfilmentJob, unknown, typeof WORK_OPTIONS>(
    QUEUES.fulfilmentTask,
    WORK_OPTIONS,
    async ([job]) => {
      if (!job) return;
      await runTask(db, {
        taskId: job.data.taskId,
        actor: job.data.actor ?? null,
        retryCount: job.retryCount,
        retryLimit: job.retryLimit,
      });
    },
  );
}
