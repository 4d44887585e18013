import "server-only";

import { getDb } from "@/lib/db";

import { sessionTokenFromCookies } from "./session";

// Releasing a result needs a recent sign-in (DOMAIN.md: re-authenticate before a disclosure is
// released). Every magic-link sign-in creates a new database session stamped when it was made.

export const RECENT_AUTH_MS = 15 * 60 * 1000;
export async function signedInRecently(now = new Date()): Promise<boolean> {
  const token = await sessionTokenFromCookies();
  if (!token) return false;
  const session = await getDb().session.findUnique({
    where: { sessionToken: token },
    select: { authenticatedAt: true },
  });
  return !!session && now.getTime() - session.authenticatedAt.getTime() <= RECENT_AUTH_MS;
}
