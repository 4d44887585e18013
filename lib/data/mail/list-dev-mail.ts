import "server-only";

import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { pruneDevMail } from "@/lib/mail/deliver";

/**
 * The demo mailbox's latest mail, for a visitor; null where the mailbox does not exist for them:
 * outside demo mode, and for a visitor from another machine unless DEMO_MAILBOX_REMOTE allows
 * it. Such a visitor sees mail to data subjects only: a staff, manager or admin sign-in link is
 * readable on this machine alone. Mail whose link has expired is gone.
 */
export async function listDevMail(options: {
  local: boolean;
  take?: number;
  /** The environment's choices (tests pass their own). */
  settings?: { demo: boolean; remote: boolean };
}) {
  const env = getEnv();
  const { demo, remote } = options.settings ?? {
    demo: env.DEMO_MODE,
    remote: env.DEMO_MAILBOX_REMOTE,
  };
  if (!demo) return null;
  if (!options.local && !remote) return null;
  const db = getDb();
  await pruneDevMail(db);
  const staffAddresses = options.local
    ? []
    : (
        await db.user.findMany({
          where: { role: { in: ["STAFF", "MANAGER", "ADMIN"] } },
          select: { email: true },
        })
      ).map((u) => u.email.toLowerCase());
  return db.devMail.findMany({
    where: staffAddresses.length > 0 ? { to: { notIn: staffAddresses } } : {},
    orderBy: { createdAt: "desc" },
    take: options.take ?? 30,
  });
}
