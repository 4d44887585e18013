import { getDb } from "@/lib/db";
import { NOTICE_ELEMENTS } from "@/lib/notice/types";
import { getNoticeVersion, latestNotice } from "@/lib/notice/versions";

// The published privacy notice as data (ISO/IEC 29184 elements, both languages): public like the
// privacy page itself, no key. `?version=N` gives an earlier version; each comes with the changes
// it made since the one before.

export const dynamic = "force-dynamic";

const notFound = (code: "unknown_version" | "no_notice", message: string) =>
  Response.json(
    { error: { code, message } },
    { status: 404, headers: { "Cache-Control": "no-store" } },
  );

export async function GET(request: Request) {
  const asked = new URL(request.url).searchParams.get("version");
  const db = getDb();
  let version: number | null;
  if (asked === null) {
    const latest = await latestNotice(db);
    if (!latest) return notFound("no_notice", "No notice has been published yet");
    version = latest.version;
  } else {
    version = /^[1-9][0-9]{0,8}$/.test(asked) ? Number(asked) : null;
  }
  const found = version === null ? null : await getNoticeVersion(db, version);
  if (!found) return notFound("unknown_version", "There is no such version of the notice");
  return Response.json(
    {
      version: found.version,
      publishedAt: found.createdAt,
      elements: NOTICE_ELEMENTS,
      notice: found.notice,
      hash: found.hash,
      needsConsent: found.needsConsent,
      changes: found.changes,
    },
    { headers: { "Cache-Control": "public, max-age=60" } },
  );
}
