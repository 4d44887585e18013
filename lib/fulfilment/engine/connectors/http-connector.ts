import { outboundAllow, outboundRequest } from "@/lib/http/outbound";

import { TaskFailure } from "../failure";
import { buildHttpTask } from "../http-task";
import { auditTask } from "../settle-task";
import { uniform, type ConnectionCheck, type Connector, type ConnectorRun } from "./connector";
import {
  LOOPBACK,
  callHttpSystem,
  readHttpConfig,
  resolveEndpoint,
  transportFailure,
} from "./http";

// The HTTP connector behind the kit's interface (connector.ts): the signed task goes to the
// system's endpoint (http.ts), which answers with the result or 202 and a callback later.

async function runHttp(run: ConnectorRun) {
  const { db, ctx, task, actor } = run;
  const system = await db.dataSystem.findUniqueOrThrow({
    where: { id: ctx.system.id },
    omit: { secret: false },
  });
  const outcome = await callHttpSystem({
    systemKey: ctx.system.key,
    action: ctx.task.action,
    config: ctx.system.config,
    secret: system.secret,
    task: await buildHttpTask(db, ctx),
  });
  if (outcome.kind === "result") return { kind: "done" as const, result: outcome.result };
  await db.$transaction(async (tx) => {
    const still = await tx.fulfilmentTask.updateMany({
      where: { id: task.id, status: "RUNNING" },
      data: { acceptedAt: new Date() },
    });
    if (still.count === 1) await auditTask(tx, task, actor, "task.accepted");
  });
  return { kind: "waiting" as const };
}

/**
 * The endpoint answers at all (any status below 500: a GET to a POST-only endpoint is 405), under
 * the outbound rules, with a signing secret stored. Nothing is sent but the GET.
 */
export const httpConnector: Connector = uniform("HTTP", runHttp, async (db, system) => {
  try {
    const config = readHttpConfig(system.config);
    const secret = await db.dataSystem.count({ where: { id: system.id, secret: { not: null } } });
    if (secret === 0) throw new TaskFailure("no_secret", false);
    const endpoint = resolveEndpoint(system.key, config);
    const response = await outboundRequest(endpoint.url, {
      method: "GET",
      timeoutMs: config.timeoutMs,
      maxBytes: 64 * 1024,
      read: false,
      allow: endpoint.local ? LOOPBACK : outboundAllow(),
    });
    if (response.status >= 500) return { ok: false, problem: `http_status:${response.status}` };
    return { ok: true } satisfies ConnectionCheck;
  } catch (error) {
    return { ok: false, problem: transportFailure(error).reason };
  }
});
