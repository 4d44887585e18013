import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Nodemailer from "next-auth/providers/nodemailer";

import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { toLocale } from "@/lib/i18n/config";
import { deliverMail } from "@/lib/mail/deliver";
import { mailContext } from "@/lib/mail/context";
import { renderMail } from "@/lib/mail/templates";

import { SESSION_MAX_AGE_S, SESSION_UPDATE_AGE_S } from "./session";

// next-auth v5: email magic link, database sessions, roles from the User row.

/** How long a sign-in link works. */
const SIGN_IN_LINK_S = 15 * 60;
// The sign-in mail is delivered at once rather than queued, so the raw link never rests in the
// job table (the token itself is stored hashed by next-auth).

function localeOfCallback(url: string) {
  const callback = new URL(url).searchParams.get("callbackUrl") ?? "";
  const path = callback.startsWith("/")
    ? callback
    : (() => {
        try {
          return new URL(callback).pathname;
        } catch {
          return "";
        }
      })();
  return toLocale(path.split("/")[1]);
}

function buildConfig(): NextAuthConfig {
  const env = getEnv();
  const db = getDb();
  return {
    adapter: PrismaAdapter(db),
    secret: env.AUTH_SECRET,
    trustHost: true,
    // Read back by lib/auth/session.ts, which applies the same two ages.
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_S, updateAge: SESSION_UPDATE_AGE_S },
    pages: {
      signIn: "/ja/sign-in",
      verifyRequest: "/ja/sign-in/check-email",
      error: "/ja/sign-in",
    },
    providers: [
      Nodemailer({
        // Required by the provider's constructor; delivery goes through lib/mail instead.
        server: env.SMTP_URL ?? "smtp://127.0.0.1:25",
        maxAge: SIGN_IN_LINK_S,
        async sendVerificationRequest({ identifier, url, expires }) {
          const locale = localeOfCallback(url);
          await deliverMail(db, {
            ...renderMail(
              { kind: "signIn", locale, to: identifier, params: { url } },
              await mailContext(db, identifier, { named: false }),
            ),
            // The raw link is kept nowhere longer than it works.
            expiresAt: expires,
          });
        },
      }),
    ],
    callbacks: {
      session({ session, user }) {
        const u = user as typeof user & { role: string; locale: string };
        return { ...session, user: { ...session.user, id: u.id, role: u.role, locale: u.locale } };
      },
    },
  };
}

// Built on first use rather than at import (the build imports this module without an
// environment), then kept: each sign-in or sign-out request would otherwise rebuild the adapter.
// Sessions are read by lib/auth/session.ts, not through auth().
let config: NextAuthConfig | undefined;

export const { handlers, signIn, signOut } = NextAuth(() => (config ??= buildConfig()));
