import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

import { requestScope } from "./get-request";

/** The id of the request with this reference, if the actor may see it; NOT_FOUND otherwise. */
export async function requestIdFor(actor: Actor, reference: string): Promise<string> {
  const found = await getDb().request.findFirst({
    where: { AND: [{ reference }, requestScope(actor)] },
    select: { id: true },
  });
  if (!found) throw new AppError("NOT_FOUND");
  return found.id;
}
