import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db";

import { ENGINE_ROLE } from "./settle-task";
import { signatureHeadersOf, verifySignature } from "./signature";
import { ZHttpConfig, ZHttpTask, type THttpTask } from "./wire";

// The demo organisation's HTTP system, simulated by the portal itself (demo mode only; the route
// is app/api/demo/connector). It checks the signature like a real system would and answers from
// the items the seed keeps for that system, applying corrections and erasures to them with audit
// events, so the demo shows the HTTP connector's whole path without a second server.

type Answer = { status: number; body: unknown };

const DEMO_ROLE = ENGINE_ROLE;

async function findSubjectId(tx: Tx, systemId: string, task: THttpTask) {
  const byId = await tx.subjectExternalId.findFirst({
    where: { systemId, externalId: { in: task.subject.externalIds } },
    select: { subjectId: true },
  });
  if (byId) return byId.subjectId;
  if (!task.subject.email) return null;
  const byEmail = await tx.subject.findFirst({
    where: { email: task.subject.email },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  return byEmail?.id ?? null;
}

async function audit(tx: Tx, action: string, itemId: string, systemId: string, taskId: string) {
  await recordAudit(tx, {
    actorId: null,
    actorRole: DEMO_ROLE,
    action: `demo-system.${action}`,
    entityType: "PersonalDataItem",
    entityId: itemId,
    data: { systemId, taskId },
  });
}

async function answerTask(tx: Tx, systemId: string, task: THttpTask): Promise<unknown> {
  const subjectId = await findSubjectId(tx, systemId, task);
  const scope = task.details.scope === "SELECTED" ? (task.details.categoryKeys ?? []) : null;
  const where = {
    subjectId: subjectId ?? "",
    systemId,
    erasedAt: null,
    ...(scope ? { category: { key: { in: scope } } } : {}),
  };
  const select = {
    id: true,
    field: true,
    value: true,
    source: true,
    sourceNote: true,
    collectedAt: true,
    legalHold: true,
    legalHoldReason: true,
    retainUntil: true,
    category: { select: { key: true } },
  } as const;
  switch (task.action) {
    case "EXPORT": {
      const items = subjectId ? await tx.personalDataItem.findMany({ where, select }) : [];
      return {
        items: items.map((i) => ({
          field: i.field,
          categoryKey: i.category.key,
          value: i.value,
          source: i.source,
          sourceNote: i.sourceNote,
          collectedAt: i.collectedAt.toISOString(),
        })),
      };
    }
    case "CORRECT": {
      const changes = [];
      for (const c of task.details.corrections ?? []) {
        if (!subjectId) break;
        const item = await tx.personalDataItem.findFirst({
          where: {
            subjectId,
            systemId,
            erasedAt: null,
            field: c.field,
            category: { key: c.categoryKey },
          },
          select,
        });
        if (c.action === "ADD" || !item) {
          if (c.action === "DELETE") continue;
          const category = await tx.dataCategory.findUnique({ where: { key: c.categoryKey } });
          if (!category) continue;
          const added = await tx.personalDataItem.create({
            data: {
              subjectId,
              systemId,
              categoryId: category.id,
              field: c.field || category.key,
              value: c.correctedValue,
              collectedAt: new Date(),
            },
            select: { id: true, field: true },
          });
          await audit(tx, "add", added.id, systemId, task.taskId);
          changes.push({
            field: added.field,
            action: "ADD",
            before: null,
            after: c.correctedValue,
          });
          continue;
        }
        if (c.action === "DELETE") {
          if (item.legalHold) continue;
          await tx.personalDataItem.update({
            where: { id: item.id },
            data: { value: "", erasedAt: new Date() },
          });
          await audit(tx, "delete", item.id, systemId, task.taskId);
          changes.push({ field: item.field, action: "DELETE", before: item.value, after: null });
          continue;
        }
        await tx.personalDataItem.update({
          where: { id: item.id },
          data: { value: c.correctedValue },
        });
        await audit(tx, "correct", item.id, systemId, task.taskId);
        changes.push({
          field: item.field,
          action: "CORRECT",
          before: item.value,
          after: c.correctedValue,
        });
      }
      return { changes };
    }
    case "ERASE": {
      const items = subjectId ? await tx.personalDataItem.findMany({ where, select }) : [];
      const now = new Date();
      const kept = [];
      let erased = 0;
      for (const item of items) {
        if (item.legalHold || (item.retainUntil && item.retainUntil > now)) {
          kept.push({
            field: item.field,
            reason:
              item.legalHoldReason ?? `retention: ${item.retainUntil?.toISOString().slice(0, 10)}`,
          });
          continue;
        }
        await tx.personalDataItem.update({
          where: { id: item.id },
          data: { value: "", erasedAt: now },
        });
        await audit(tx, "erase", item.id, systemId, task.taskId);
        erased += 1;
      }
      return { erased, kept };
    }
    case "RESTRICT":
      return { restrictions: subjectId ? (task.details.purposeKeys ?? []).length : 0 };
    case "STOP_PROVISION":
      return {
        restrictions: subjectId
          ? (task.details.recipientKeys ?? []).length + (task.details.recipientClasses ?? []).length
          : 0,
      };
  }
}

export async function answerAsDemoSystem(
  db: Db,
  input: { systemKey: string | null; headers: Headers; rawBody: string },
): Promise<Answer> {
  const system = input.systemKey
    ? await db.dataSystem.findUnique({ where: { key: input.systemKey }, omit: { secret: false } })
    : null;
  const simulated = ZHttpConfig.safeParse(system?.config).data?.simulateInDemo === true;
  if (!system?.secret || system.connector !== "HTTP" || !simulated)
    return { status: 404, body: { error: "unknown_system" } };
  const check = verifySignature({
    secret: system.secret,
    body: input.rawBody,
    ...signatureHeadersOf(input.headers),
  });
  if (!check.ok) return { status: 401, body: { error: check.reason } };
  let task: THttpTask;
  try {
    task = ZHttpTask.parse(JSON.parse(input.rawBody));
  } catch {
    return { status: 400, body: { error: "invalid_task" } };
  }
  const body = await db.$transaction((tx) => answerTask(tx, system.id, task));
  return { status: 200, body };
}
