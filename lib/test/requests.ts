import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { RequestType } from "@/lib/generated/prisma/enums";

/**
 * For integration tests: a request of the person whose identity staff have verified, fanned out
 * into its fulfilment tasks as verification does (lib/fulfilment/engine/fan-out.ts). The engine
 * is loaded on the first call, after the test has pointed DATABASE_URL at its database.
 */
export async function verifiedRequest(
  db: Db,
  input: { subjectId: string; type: RequestType; details: object; actor: Actor },
) {
  const request = await db.request.create({
    data: {
      reference: `R-2099-${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`,
      type: input.type,
      status: "IN_PROGRESS",
      subjectId: input.subjectId,
      details: input.details,
      dueAt: new Date(Date.now() + 10 * 86_400_000),
    },
  });
  const { fanOutTasks } = await import("@/lib/fulfilment/engine/fan-out");
  await db.$transaction((tx) => fanOutTasks(tx, { requestId: request.id, actor: input.actor }));
  return request;
}
