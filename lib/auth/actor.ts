import "server-only";

import { headers } from "next/headers";
import { cache } from "react";

import { AppError } from "@/lib/errors";
import { requestClientAddress } from "@/lib/http/client-address";
import type { Role } from "@/lib/generated/prisma/enums";

import { can, type Permission } from "./permissions";
import { readSession, sessionTokenFromCookies } from "./session";

export interface Actor {
  userId: string;
  role: Role;
  email: string;
  ip: string | null;
}

const ROLES: readonly Role[] = ["SUBJECT", "STAFF", "MANAGER", "ADMIN"];

/**
 * The signed-in person, from the database session; null when signed out. Cached per request, so
 * the header and the page share one session lookup.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const token = await sessionTokenFromCookies();
  const user = token ? await readSession(token) : null;
  if (!user?.email) return null;
  // An unknown role is no role: fail closed.
  const role = ROLES.find((r) => r === user.role);
  if (!role) return null;
  const ip = requestClientAddress(await headers());
  return { userId: user.id, role, email: user.email, ip };
});

/**
 * The signed-in person allowed to do `permission` (or any one of a list); throws UNAUTHENTICATED
 * or FORBIDDEN.
 */
export async function requireActor(
  permission?: Permission | readonly Permission[],
): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const anyOf =
    permission === undefined ? [] : typeof permission === "string" ? [permission] : permission;
  if (anyOf.length > 0 && !anyOf.some((p) => can(actor.role, p))) throw new AppError("FORBIDDEN");
  return actor;
}
