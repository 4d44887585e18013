import "server-only";

import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readExportFile } from "@/lib/fulfilment/engine/connectors/email/export-file";
import { taskIdOfToken, tokenMatches } from "@/lib/fulfilment/engine/connectors/email";
import { buildHttpTask } from "@/lib/fulfilment/engine/http-task";
import { settleTask } from "@/lib/fulfilment/engine/settle-task";
import type { TaskContext } from "@/lib/fulfilment/engine/types";
import { parseSystemResult } from "@/lib/fulfilment/engine/wire";
import type { FulfilmentAction, TaskStatus } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/config";
import type { MessageKey } from "@/lib/i18n/translate";
import type { TSystemTaskAnswer } from "@/lib/validation/system-task";

// An EMAIL connector's task as its recipient sees it through the mailed link
// (lib/fulfilment/engine/connectors/email), and the answer they give there. No sign-in: the
// link's signature is the credential, and it opens only the task it was made for, while that
// mailing is current. The page shows what the system needs to find the person (their name, mail
// address and this system's ids for them) and only the part of the request this system was
// given; the answer is checked exactly like an HTTP system's (wire.ts parseSystemResult) and
// settles the task in one transaction with its audit and timeline events.

async function taskByToken(token: string) {
  const taskId = taskIdOfToken(token);
  if (!taskId) return null;
  const task = await getDb().fulfilmentTask.findUnique({
    where: { id: taskId },
    select: {
      id: true,
      requestId: true,
      action: true,
      status: true,
      attempts: true,
      acceptedAt: true,
      finishedAt: true,
      system: {
        select: { id: true, key: true, connector: true, config: true, nameJa: true, nameEn: true },
      },
      request: {
        select: { id: true, reference: true, type: true, subjectId: true, details: true },
      },
    },
  });
  if (!task?.acceptedAt || task.system.connector !== "EMAIL") return null;
  if (!tokenMatches(token, task.id, task.acceptedAt)) return null;
  return { ...task, acceptedAt: task.acceptedAt };
}

export interface SystemTaskView {
  organisation: string;
  system: string;
  reference: string;
  action: FulfilmentAction;
  mailedAt: Date;
  /** waiting: the answer is awaited; answered: given (finishedAt); closed: ended otherwise. */
  state: "waiting" | "answered" | "closed";
  answeredAt: Date | null;
  person: { name: string; email: string | null; externalIds: string[] };
  /** The categories concerned, by name; null: everything the system holds on the person. */
  categories: { key: string; name: string }[] | null;
  /** The system's categories (for an export file's `category` column). */
  systemCategories: { key: string; name: string }[];
  corrections: { category: string; field: string; action: string; value: string }[];
  purposes: string[];
  recipients: string[];
}

function stateOf(status: TaskStatus, finishedAt: Date | null): SystemTaskView["state"] {
  if (status === "RUNNING") return "waiting";
  return (status === "SUCCEEDED" || status === "FAILED") && finishedAt ? "answered" : "closed";
}

/** What the link shows; null when the link is not (or no longer) a task's. */
export async function openSystemTask(
  token: string,
  locale: Locale,
): Promise<SystemTaskView | null> {
  const task = await taskByToken(token);
  if (!task) return null;
  const db = getDb();
  const ctx: TaskContext = {
    task: { id: task.id, action: task.action, attempts: task.attempts },
    request: task.request,
    system: task.system,
  };
  const ja = locale === "ja";
  const [sent, subject, organisation, uses] = await Promise.all([
    buildHttpTask(db, ctx),
    db.subject.findUnique({
      where: { id: task.request.subjectId },
      select: { familyName: true, givenName: true },
    }),
    db.organisation.findFirst({ select: { nameJa: true, nameEn: true } }),
    db.systemCategoryPurpose.findMany({
      where: { systemId: task.system.id },
      distinct: ["categoryId"],
      select: { category: { select: { key: true, nameJa: true, nameEn: true, sortOrder: true } } },
    }),
  ]);
  const { details } = sent;
  const named = <T extends { nameJa: string; nameEn: string }>(row: T) =>
    ja ? row.nameJa : row.nameEn;
  const wanted = [
    ...(details.categoryKeys ?? []),
    ...(details.corrections ?? []).map((c) => c.categoryKey),
  ];
  const [categories, purposes, recipients] = await Promise.all([
    db.dataCategory.findMany({
      where: { key: { in: wanted } },
      select: { key: true, nameJa: true, nameEn: true },
    }),
    db.purpose.findMany({
      where: { key: { in: details.purposeKeys ?? [] } },
      orderBy: { sortOrder: "asc" },
      select: { nameJa: true, nameEn: true },
    }),
    db.recipient.findMany({
      where: { key: { in: details.recipientKeys ?? [] } },
      orderBy: { key: "asc" },
      select: { nameJa: true, nameEn: true },
    }),
  ]);
  const categoryName = new Map(categories.map((c) => [c.key, named(c)]));
  return {
    organisation: organisation ? named(organisation) : "",
    system: named(task.system),
    reference: task.request.reference,
    action: task.action,
    mailedAt: task.acceptedAt,
    state: stateOf(task.status, task.finishedAt),
    answeredAt: task.finishedAt,
    person: {
      name: subject
        ? ja
          ? `${subject.familyName} ${subject.givenName}`
          : `${subject.givenName} ${subject.familyName}`
        : "",
      email: sent.subject.email,
      externalIds: sent.subject.externalIds,
    },
    // A disclosure or erasure of everything carries no keys.
    categories: details.categoryKeys?.length
      ? details.categoryKeys.map((key) => ({ key, name: categoryName.get(key) ?? key }))
      : null,
    systemCategories: uses
      .map((u) => u.category)
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((c) => ({ key: c.key, name: named(c) })),
    corrections: (details.corrections ?? []).map((c) => ({
      category: categoryName.get(c.categoryKey) ?? c.categoryKey,
      field: c.field,
      action: c.action,
      value: c.correctedValue,
    })),
    purposes: purposes.map(named),
    recipients: recipients.map(named),
  };
}

const FILE_PROBLEMS: Record<string, MessageKey> = {
  too_large: "systemTask.errors.fileTooLarge",
  not_text: "systemTask.errors.fileNotText",
  empty: "systemTask.errors.fileEmpty",
  shape: "systemTask.errors.fileShape",
};

const invalid = (path: string, key: MessageKey) =>
  new AppError("INVALID_INPUT", "errors.invalidInput", { [path]: key });

/** The stored result of a "done" answer, checked like an HTTP system's answer. */
async function resultOf(
  task: NonNullable<Awaited<ReturnType<typeof taskByToken>>>,
  answer: TSystemTaskAnswer,
  file: Uint8Array | null,
) {
  const key = task.system.key;
  switch (task.action) {
    case "EXPORT": {
      if (answer.noData) return parseSystemResult("EXPORT", key, { items: [] });
      if (!file || file.byteLength === 0) throw invalid("file", "systemTask.errors.fileRequired");
      const read = readExportFile(file);
      if (!read.ok) throw invalid("file", FILE_PROBLEMS[read.problem]!);
      const result = parseSystemResult("EXPORT", key, read.raw);
      if (!result) throw invalid("file", "systemTask.errors.fileShape");
      const used = [...new Set((result.items ?? []).map((i) => i.categoryKey))];
      const known = await getDb().dataCategory.count({ where: { key: { in: used } } });
      if (known !== used.length) throw invalid("file", "systemTask.errors.fileCategory");
      return result;
    }
    case "CORRECT": {
      // The recipient confirms the corrections the page listed, as listed.
      const sent = await buildHttpTask(getDb(), {
        task: { id: task.id, action: task.action, attempts: task.attempts },
        request: task.request,
        system: task.system,
      });
      return parseSystemResult("CORRECT", key, {
        changes: (sent.details.corrections ?? []).map((c) => ({
          field: c.field,
          action: c.action,
          before: null,
          after: c.action === "DELETE" ? null : c.correctedValue,
        })),
      });
    }
    case "ERASE":
      return parseSystemResult("ERASE", key, { erased: Number(answer.erased), kept: answer.kept });
    case "RESTRICT":
    case "STOP_PROVISION":
      return parseSystemResult(task.action, key, { restrictions: 1 });
  }
}

/**
 * The recipient's answer: "done" with its result, or "declined" with a reason (the task then
 * fails with `system_failed:<reason>` for staff to follow up). Refused as NOT_FOUND when the link
 * is not a task's, CONFLICT when the task no longer waits (answered already, cancelled, run again).
 */
export async function answerSystemTask(input: {
  answer: TSystemTaskAnswer;
  file: Uint8Array | null;
}): Promise<{ state: "answered" }> {
  const { answer } = input;
  const task = await taskByToken(answer.token);
  if (!task) throw new AppError("NOT_FOUND", "systemTask.invalid");
  if (task.status !== "RUNNING" || task.action !== answer.action)
    throw new AppError("CONFLICT", "systemTask.errors.notWaiting");
  const done = answer.outcome === "done";
  const result = done ? await resultOf(task, answer, input.file) : null;
  if (done && !result) throw invalid("kept", "systemTask.errors.kept");
  const settled = await getDb().$transaction((tx) =>
    settleTask(tx, {
      task: { ...task, system: { key: task.system.key } },
      from: ["RUNNING"],
      to: done ? "SUCCEEDED" : "FAILED",
      actor: null,
      ...(result ? { result } : {}),
      ...(done ? {} : { lastError: `system_failed:${answer.declineReason}` }),
      data: { via: "link" },
      guard: { acceptedAt: task.acceptedAt },
    }),
  );
  if (!settled) throw new AppError("CONFLICT", "systemTask.errors.notWaiting");
  return { state: "answered" };
}
