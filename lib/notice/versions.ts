import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

import { recordNoticeVersion } from "./record";
import type { Notice, NoticeChange, NoticeVersionView } from "./types";

// Reading the notice's versions: the published notice (public: the privacy page, /api/v1/notice),
// its history, and what changed since a person last looked (their page). Plain JSON (ISO dates).

const VIEW = {
  version: true,
  createdAt: true,
  hash: true,
  needsConsent: true,
  changes: true,
} as const;

type ViewRow = {
  version: number;
  createdAt: Date;
  hash: string;
  needsConsent: boolean;
  changes: unknown;
};

const toView = (row: ViewRow): NoticeVersionView => ({
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  hash: row.hash,
  needsConsent: row.needsConsent,
  changes: row.changes as NoticeChange[],
});

/**
 * The first version, made on first read where the organisation was set up before versions were
 * kept (the seed records its own). Racing readers are ordered by recordNoticeVersion's lock.
 */
async function ensureFirstVersion(db: Db): Promise<void> {
  if (await db.noticeVersion.findFirst({ select: { version: true } })) return;
  await db.$transaction((tx) => recordNoticeVersion(tx, { actorId: null, actorRole: null }));
}

/** The notice in force: its version, when it was published, and its content; null before setup. */
export async function latestNotice(
  db: Db = getDb(),
): Promise<{ version: number; createdAt: string; notice: Notice } | null> {
  await ensureFirstVersion(db);
  const row = await db.noticeVersion.findFirst({
    orderBy: { version: "desc" },
    select: { version: true, createdAt: true, content: true },
  });
  if (!row) return null;
  return {
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    notice: row.content as unknown as Notice,
  };
}

/** One version with its content and the changes it made; null if there is no such version. */
export async function getNoticeVersion(
  db: Db,
  version: number,
): Promise<(NoticeVersionView & { notice: Notice }) | null> {
  if (!Number.isSafeInteger(version) || version < 1) return null;
  const row = await db.noticeVersion.findUnique({
    where: { version },
    select: { ...VIEW, content: true },
  });
  if (!row) return null;
  return { ...toView(row), notice: row.content as unknown as Notice };
}

/** Every version, newest first, without content (the history's list). */
export async function listNoticeVersions(db: Db = getDb()): Promise<NoticeVersionView[]> {
  await ensureFirstVersion(db);
  const rows = await db.noticeVersion.findMany({ orderBy: { version: "desc" }, select: VIEW });
  return rows.map(toView);
}

/**
 * The versions published after the one a person last saw, newest first, and whether any of them
 * needs their consent. Never having seen one (null) is no "since": nothing is listed, and the
 * person's page shows the notice in force. `latest` is 0 before the organisation is set up.
 */
export async function changesSince(
  db: Db,
  seenVersion: number | null,
): Promise<{ latest: number; versions: NoticeVersionView[]; needsConsent: boolean }> {
  await ensureFirstVersion(db);
  const latest = await db.noticeVersion.findFirst({
    orderBy: { version: "desc" },
    select: { version: true },
  });
  if (seenVersion === null)
    return { latest: latest?.version ?? 0, versions: [], needsConsent: false };
  const rows = await db.noticeVersion.findMany({
    where: { version: { gt: seenVersion } },
    orderBy: { version: "desc" },
    select: VIEW,
  });
  const versions = rows.map(toView);
  return {
    latest: latest?.version ?? 0,
    versions,
    needsConsent: versions.some((v) => v.needsConsent),
  };
}

/**
 * Marks the notice up to `version` as seen by the signed-in person (their own subject record,
 * found by their user id, never an id from the client). Only moves forward: an older page sent
 * late does not bring back changes already seen. Not audited: it is a view marker of the person's
 * own page, not a change to their personal data or to what is done with it. Returns the version
 * now marked, or null where the person has no subject record yet.
 */
export async function markNoticeSeen(
  actor: Actor,
  version: number,
): Promise<{ seenVersion: number } | null> {
  if (!can(actor.role, "personal-data:read-own")) throw new AppError("FORBIDDEN");
  const db = getDb();
  if (!Number.isSafeInteger(version) || version < 1) throw new AppError("INVALID_INPUT");
  if (!(await db.noticeVersion.findUnique({ where: { version }, select: { version: true } })))
    throw new AppError("NOT_FOUND");
  await db.subject.updateMany({
    where: {
      userId: actor.userId,
      OR: [{ noticeSeenVersion: null }, { noticeSeenVersion: { lt: version } }],
    },
    data: { noticeSeenVersion: version },
  });
  const subject = await db.subject.findUnique({
    where: { userId: actor.userId },
    select: { noticeSeenVersion: true },
  });
  if (!subject) return null;
  return { seenVersion: subject.noticeSeenVersion ?? version };
}
