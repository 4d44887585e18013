import { getDb } from "@/lib/db";
import { checkReadiness } from "@/lib/server/readiness";
import { getBlobBackend } from "@/lib/storage/current-backend";

// Readiness (issue 17): 200 when the database, the stored files and the job queue all answer;
// 503 naming the ones that did not (lib/server/readiness.ts). For load balancers, which send
// traffic only to ready processes. Outside the locale redirects and the rate limits.

export const dynamic = "force-dynamic";

export async function GET() {
  const { ready, checks } = await checkReadiness({ db: getDb(), storage: getBlobBackend() });
  const failed = Object.entries(checks)
    .filter(([, state]) => state === "failed")
    .map(([check]) => check);
  return Response.json(
    { status: ready ? "ready" : "not-ready", checks, ...(ready ? {} : { failed }) },
    { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
