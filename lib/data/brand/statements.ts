import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { requirePolicyConfigure } from "@/lib/data/policies/policy-rules";
import { AppError } from "@/lib/errors";
import { recordNoticeVersion } from "@/lib/notice/record";
import { STATEMENT_FIELDS, type TStatements } from "@/lib/validation/statements";

// The organisation's public statements as managers edit them (settings → public statements). A
// change is a change of what the organisation tells people: the transparency page shows it at once
// and, for the texts the privacy notice carries (complaint desk, filing by post, identity
// documents, security measures), a new notice version is recorded in the same transaction.

const ORG = "org";
const SELECT = Object.fromEntries(STATEMENT_FIELDS.map((f) => [f, true])) as Record<
  (typeof STATEMENT_FIELDS)[number],
  true
>;

/** The form's values. */
export async function getStatements(options: { actor: Actor }): Promise<TStatements> {
  requirePolicyConfigure(options.actor);
  const org = await getDb().organisation.findUnique({ where: { id: ORG }, select: SELECT });
  if (!org) throw new AppError("NOT_FOUND");
  return org;
}

/**
 * Saves the statements; the audit event names the fields that changed (the texts themselves are
 * public and kept in the notice's versions, so the event stays short).
 */
export async function updateStatements(options: { actor: Actor; input: TStatements }) {
  const { actor, input } = options;
  requirePolicyConfigure(actor);
  assertRecentPasskey(actor);
  return getDb().$transaction(async (tx) => {
    const before = await tx.organisation.findUnique({ where: { id: ORG }, select: SELECT });
    if (!before) throw new AppError("NOT_FOUND");
    const changed = STATEMENT_FIELDS.filter((f) => before[f] !== input[f]);
    if (changed.length === 0) return { changed: [], noticeVersion: null };
    await tx.organisation.update({ where: { id: ORG }, data: input });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "config.statements.update",
      entityType: "Organisation",
      entityId: ORG,
      ip: actor.ip,
      data: { changed: changed.join(",") },
    });
    const version = await recordNoticeVersion(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
    });
    return { changed, noticeVersion: version };
  });
}
