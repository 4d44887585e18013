import "server-only";

import { cache } from "react";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

import { requestScope } from "./get-request";

/**
 * The id of the request with this reference, if the actor may see it; NOT_FOUND otherwise. Each
 * panel of the staff request page asks it; one server render asks the database once per actor and
 * reference (React's `cache`, scoped to the render; a reference never changes its request).
 */
export const requestIdFor = cache(async (actor: Actor, reference: string): Promise<string> => {
  const found = await getDb().request.findFirst({
    where: { AND: [{ reference }, requestScope(actor)] },
    select: { id: true },
  });
  if (!found) throw new AppError("NOT_FOUND");
  return found.id;
});
