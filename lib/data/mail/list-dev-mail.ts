import "server-only";

import { getDb } from "@/lib/db";
import { isDemoMode } from "@/lib/env";

/** The demo mailbox's latest mail; null outside demo mode, where the mailbox does not exist. */
export async function listDevMail(options: { take?: number } = {}) {
  if (!isDemoMode()) return null;
  return getDb().devMail.findMany({ orderBy: { createdAt: "desc" }, take: options.take ?? 30 });
}
