import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";

/**
 * The notice version the signed-in person last acknowledged on their page (Subject
 * .noticeSeenVersion): null when never, undefined when they are not a data subject the
 * organisation knows (nobody's marker to read or keep). Scoped to the actor's own record.
 */
export async function mySeenNoticeVersion(options: {
  actor: Actor;
}): Promise<number | null | undefined> {
  const { actor } = options;
  if (!can(actor.role, "personal-data:read-own")) return undefined;
  const subject = await getDb().subject.findUnique({
    where: { userId: actor.userId },
    select: { noticeSeenVersion: true },
  });
  return subject ? subject.noticeSeenVersion : undefined;
}
