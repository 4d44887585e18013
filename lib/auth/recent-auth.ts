import "server-only";

import { cookies } from "next/headers";

import { getDb } from "@/lib/db";

// Releasing a result needs a recent sign-in (DOMAIN.md: re-authenticate before a disclosure is
// released). Every magic-link sign-in creates a new database session stamped when it was made.

export const RECENT_AUTH_MS = 15 * 60 * 1000;
const COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

export async function signedInRecently(now = new Date()): Promise<boolean> {
  const jar = await cookies();
  const token = COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!token) return false;
  const session = await getDb().session.findUnique({
    where: { sessionToken: token },
    select: { authenticatedAt: true },
  });
  return !!session && now.getTime() - session.authenticatedAt.getTime() <= RECENT_AUTH_MS;
}
