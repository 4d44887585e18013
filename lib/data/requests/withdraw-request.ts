import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { applyTransition } from "@/lib/data/requests/transition";

/** The requester withdraws their own open request; only the person who filed it may. */
export async function withdrawRequest(options: { actor: Actor; reference: string }) {
  const { actor, reference } = options;
  const request = await getDb().request.findFirst({
    where: { reference, filedById: actor.userId },
    select: { id: true },
  });
  if (!request) throw new AppError("NOT_FOUND");
  await getDb().$transaction((tx) =>
    applyTransition(tx, { requestId: request.id, name: "withdraw", actor }),
  );
}
