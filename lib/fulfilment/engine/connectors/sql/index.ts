import type { Db, Tx } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { openSecret, parseMasterKey } from "@/lib/storage/envelope";

import { TaskFailure } from "../../failure";
import { uniform } from "../connector";
import { detailsForSystem } from "../../targets";
import type { TaskContext, TaskResult } from "../../types";
import { ZSqlDataset, type TSqlDataset } from "./dataset";
import { openSqlSession, sqlFailure, type SqlSession } from "./driver";
import { problemText, schemaProblems, type SchemaProblem } from "./schema";
import { planSqlTask, runSqlTask, type SqlPlan, type SqlTaskInput } from "./sql-connector";

export { ZSqlDataset, type TSqlDataset } from "./dataset";
export type { SqlPlan } from "./sql-connector";

// The SQL connector as the engine calls it: the system's dataset and sealed connection, the person
// as the portal knows them, and the part of the request this system was given; one session per
// task, closed whatever happens.

/** The dataset stored as a system's config; a TaskFailure when it is not one. */
export function readDataset(config: unknown): TSqlDataset {
  const parsed = ZSqlDataset.safeParse(config);
  if (!parsed.success) throw new TaskFailure("bad_config", false, "dataset");
  return parsed.data;
}

const masterKey = () => parseMasterKey(getEnv().MASTER_KEY);

/** The system's connection URL, opened; a TaskFailure when none is stored or it does not open. */
export async function connectionUrl(db: Db, systemId: string): Promise<string> {
  const system = await db.dataSystem.findUniqueOrThrow({
    where: { id: systemId },
    select: { connectionSecret: true },
  });
  if (!system.connectionSecret) throw new TaskFailure("no_secret", false);
  try {
    return openSecret({
      sealed: system.connectionSecret,
      masterKey: masterKey(),
      binding: systemId,
    });
  } catch {
    throw new TaskFailure("bad_config", false, "secret");
  }
}

async function taskInput(db: Db, ctx: TaskContext, dataset: TSqlDataset): Promise<SqlTaskInput> {
  const [subject, externalIds, details] = await Promise.all([
    db.subject.findUnique({
      where: { id: ctx.request.subjectId },
      select: { email: true, phone: true },
    }),
    db.subjectExternalId.findMany({
      where: { subjectId: ctx.request.subjectId, systemId: ctx.system.id },
      select: { externalId: true },
    }),
    detailsForSystem(db as Tx, ctx.request, ctx.task.action, ctx.system.id),
  ]);
  return {
    systemId: ctx.system.id,
    systemKey: ctx.system.key,
    dataset,
    person: {
      email: subject?.email ?? null,
      phone: subject?.phone ?? null,
      externalIds: externalIds.map((e) => e.externalId),
    },
    action: ctx.task.action,
    details,
    masterKey: masterKey(),
  };
}

/** Runs `work` on a session to the system's database, closed whatever happens. */
async function withDatabase<T>(
  db: Db,
  system: { id: string; config: unknown },
  work: (session: SqlSession, dataset: TSqlDataset) => Promise<T>,
): Promise<T> {
  const dataset = readDataset(system.config);
  const session = await openSqlSession({
    engine: dataset.engine,
    url: await connectionUrl(db, system.id),
    statementTimeoutMs: dataset.statementTimeoutMs,
  });
  try {
    return await work(session, dataset);
  } catch (error) {
    throw sqlFailure(error);
  } finally {
    await session.close();
  }
}

function withSession<T>(
  db: Db,
  ctx: TaskContext,
  work: (session: SqlSession, input: SqlTaskInput) => Promise<T>,
): Promise<T> {
  return withDatabase(db, ctx.system, async (session, dataset) =>
    work(session, await taskInput(db, ctx, dataset)),
  );
}

/** Opens the system's connection and checks its dataset against the live schema. */
export function checkSqlSystem(
  db: Db,
  system: { id: string; config: unknown },
): Promise<SchemaProblem[]> {
  return withDatabase(db, system, (session, dataset) => schemaProblems(session, dataset));
}

/** Runs a task on its system's database; a TaskFailure with the reason when it cannot. */
export function callSqlSystem(db: Db, ctx: TaskContext): Promise<TaskResult> {
  return withSession(db, ctx, runSqlTask);
}

/** What the task would touch, without changing anything (staff's dry run). */
export function planSqlSystem(db: Db, ctx: TaskContext): Promise<SqlPlan> {
  return withSession(db, ctx, planSqlTask);
}

/**
 * The SQL connector behind the kit's interface (../connector.ts): one transaction on the system's
 * database per task, committed before the runner stores the result. The connection test opens
 * the stored connection and checks the dataset against the live tables and columns.
 */
export const sqlConnector = uniform(
  "SQL",
  async (run) => ({ kind: "done", result: await callSqlSystem(run.db, run.ctx) }),
  async (db, system) => {
    try {
      const [problem] = await checkSqlSystem(db, system);
      return problem
        ? { ok: false, problem: `dataset_mismatch:${problemText(problem)}` }
        : { ok: true };
    } catch (error) {
      if (error instanceof TaskFailure) return { ok: false, problem: error.reason };
      throw error;
    }
  },
);
