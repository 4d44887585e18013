import type { Db, Tx } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { openSecret, parseMasterKey } from "@/lib/storage/envelope";

import { TaskFailure } from "../../failure";
import { detailsForSystem } from "../../targets";
import type { TaskContext, TaskResult } from "../../types";
import { ZSqlDataset, type TSqlDataset } from "./dataset";
import { openSqlSession, sqlFailure, type SqlSession } from "./driver";
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

async function withSession<T>(
  db: Db,
  ctx: TaskContext,
  work: (session: SqlSession, input: SqlTaskInput) => Promise<T>,
): Promise<T> {
  const dataset = readDataset(ctx.system.config);
  const url = await connectionUrl(db, ctx.system.id);
  const input = await taskInput(db, ctx, dataset);
  const session = await openSqlSession({
    engine: dataset.engine,
    url,
    statementTimeoutMs: dataset.statementTimeoutMs,
  });
  try {
    return await work(session, input);
  } catch (error) {
    throw sqlFailure(error);
  } finally {
    await session.close();
  }
}

/** Runs a task on its system's database; a TaskFailure with the reason when it cannot. */
export function callSqlSystem(db: Db, ctx: TaskContext): Promise<TaskResult> {
  return withSession(db, ctx, runSqlTask);
}

/** What the task would touch, without changing anything (staff's dry run). */
export function planSqlSystem(db: Db, ctx: TaskContext): Promise<SqlPlan> {
  return withSession(db, ctx, planSqlTask);
}
