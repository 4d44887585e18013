import "server-only";

import { cookies } from "next/headers";

import { getDb, sqlRows } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

// Database sessions, created and ended by next-auth (lib/auth/auth.ts) and read here on every
// page, action and route. Reading them through next-auth's auth() ran its whole session action
// (a Request built from the headers, the providers set up, a Response parsed back) and took about
// 3 ms of CPU per page. This does what that action does for a database session
// (@auth/core lib/actions/session.js) in one plain SQL query: an expired session is deleted and
// means no one, and a session is extended to maxAge from now at most once per updateAge. Neither
// sets the cookie (auth() in a server component or action never did either), so the cookie set at
// sign-in bounds a session to SESSION_MAX_AGE_S after that sign-in, however active.

export const SESSION_MAX_AGE_S = 8 * 60 * 60;
export const SESSION_UPDATE_AGE_S = 15 * 60;

/** next-auth names the cookie `__Secure-…` behind https and without the prefix otherwise. */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export async function sessionTokenFromCookies(): Promise<string | undefined> {
  const jar = await cookies();
  return SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
}

export interface SessionUser {
  id: string;
  role: Role;
  email: string | null;
}

/** A session as the app reads it: whose it is and what it has proved, with its expiry applied. */
export interface SessionState {
  sessionId: string;
  user: SessionUser;
  /** When the mail link (or a passkey sign-in) made this session. */
  authenticatedAt: Date;
  /** When a passkey was last asserted in it (lib/auth/second-factor.ts). */
  passkeyAt: Date | null;
  /** When a recovery code stood in for a passkey in it. */
  recoveredAt: Date | null;
}

/** The session a token names, or null when it is unknown or expired. */
export async function readSessionState(
  token: string,
  now = new Date(),
): Promise<SessionState | null> {
  const [session] = await sqlRows<{
    id: string;
    expires: Date;
    authenticatedAt: Date;
    passkeyAt: Date | null;
    recoveredAt: Date | null;
    user: SessionUser;
  }>({
    text: `SELECT s.id, s.expires, s."authenticatedAt", s."passkeyAt", s."recoveredAt",
                  json_build_object('id', u.id, 'role', u.role, 'email', u.email) AS user
           FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE s."sessionToken" = $1`,
    values: [token],
  });
  if (!session) return null;
  const db = getDb();
  const at = now.getTime();
  if (session.expires.getTime() < at) {
    await db.session.deleteMany({ where: { sessionToken: token } });
    return null;
  }
  const dueForUpdate =
    session.expires.getTime() - SESSION_MAX_AGE_S * 1000 + SESSION_UPDATE_AGE_S * 1000 <= at;
  if (dueForUpdate)
    await db.session.updateMany({
      where: { sessionToken: token },
      data: { expires: new Date(at + SESSION_MAX_AGE_S * 1000) },
    });
  return {
    sessionId: session.id,
    user: session.user,
    authenticatedAt: session.authenticatedAt,
    passkeyAt: session.passkeyAt,
    recoveredAt: session.recoveredAt,
  };
}

/** The user a session token belongs to, or null when it is unknown or expired. */
export async function readSession(token: string, now = new Date()): Promise<SessionUser | null> {
  return (await readSessionState(token, now))?.user ?? null;
}
