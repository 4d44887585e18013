import "server-only";

import { headers } from "next/headers";
import { cache } from "react";

import { AppError } from "@/lib/errors";
import { requestClientAddress } from "@/lib/http/client-address";
import type { Role } from "@/lib/generated/prisma/enums";

import { can, type Permission } from "./permissions";
import { secondFactorDone } from "./second-factor";
import { readSessionState, sessionTokenFromCookies, type SessionState } from "./session";

export interface Actor {
  userId: string;
  role: Role;
  email: string;
  ip: string | null;
  /** When a passkey was last asserted in this session (step-up, lib/auth/second-factor.ts). */
  passkeyAt: Date | null;
}

const ROLES: readonly Role[] = ["SUBJECT", "STAFF", "MANAGER", "ADMIN"];

/** The session behind the request's cookie with its role checked, or null. Cached per request. */
export const getSessionState = cache(
  async (): Promise<(SessionState & { role: Role; email: string }) | null> => {
    const token = await sessionTokenFromCookies();
    const state = token ? await readSessionState(token) : null;
    if (!state?.user.email) return null;
    // An unknown role is no role: fail closed.
    const role = ROLES.find((r) => r === state.user.role);
    if (!role) return null;
    return { ...state, role, email: state.user.email };
  },
);

/**
 * The signed-in person, from the database session; null when signed out, and for staff, managers
 * and admins whose session has not yet passed its passkey (or recovery code). Cached per request,
 * so the header and the page share one session lookup.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const state = await getSessionState();
  if (!state || !secondFactorDone(state.role, state)) return null;
  const ip = requestClientAddress(await headers());
  return {
    userId: state.user.id,
    role: state.role,
    email: state.email,
    ip,
    passkeyAt: state.passkeyAt,
  };
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
