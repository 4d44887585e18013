import { AUDIT_LOCK, recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

import { buildNotice } from "./build";
import { diffNotices, noticeHash } from "./diff";
import type { Notice, NoticeChange } from "./types";

// Versions of the privacy notice (ISO/IEC 29184 5.3.14: changes are made known). Every manager
// write that changes what the notice says calls this in its own transaction, after the change, so
// the version and the change commit (or roll back) together. No "server-only": the seed records
// version 1 under tsx.

/** Serialises version numbering: concurrent changes get consecutive versions, none twice. */
const NOTICE_LOCK = 4207213;

/**
 * Records the notice as it now stands as the next version, with what changed since the last one
 * and whether any change needs people's consent (lib/notice/diff.ts), plus its audit event. The
 * same notice as the latest version makes none. Without an organisation there is no notice:
 * version 0, nothing created.
 */
export async function recordNoticeVersion(
  tx: Tx,
  options: { actorId: string | null; actorRole: string | null },
): Promise<{ version: number; created: boolean }> {
  // The audit chain's lock first: the writes that call this hold it already (their own audit
  // event came first), so taking the notice's lock before it could deadlock with one of them.
  // The notice is built after both: a change committed by a transaction that held them is seen.
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${NOTICE_LOCK})`);
  const notice = await buildNotice(tx);
  if (!notice) return { version: 0, created: false };
  const hash = noticeHash(notice);
  const latest = await tx.noticeVersion.findFirst({
    orderBy: { version: "desc" },
    select: { version: true, hash: true, content: true },
  });
  if (latest?.hash === hash) return { version: latest.version, created: false };

  const changes: NoticeChange[] = diffNotices(
    latest ? (latest.content as unknown as Notice) : null,
    notice,
  );
  const needsConsent = changes.some((c) => c.needsConsent);
  const version = (latest?.version ?? 0) + 1;
  const row = await tx.noticeVersion.create({
    data: {
      version,
      createdById: options.actorId,
      content: notice as unknown as Prisma.InputJsonObject,
      hash,
      changes: changes as unknown as Prisma.InputJsonArray,
      needsConsent,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId: options.actorId,
    actorRole: options.actorRole,
    action: "notice.version",
    entityType: "NoticeVersion",
    entityId: row.id,
    data: { version, needsConsent },
  });
  return { version, created: true };
}
