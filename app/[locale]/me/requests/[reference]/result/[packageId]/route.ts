import { redirect } from "next/navigation";

import { getActor } from "@/lib/auth/actor";
import { signedInRecently } from "@/lib/auth/recent-auth";
import { openResult } from "@/lib/data/packages/open-result";
import { toLocale } from "@/lib/i18n/config";

export const dynamic = "force-dynamic";

/**
 * Downloads a released result: signed in recently, within its expiry, every download logged.
 * Streamed from the encrypted file; always an attachment (an HTML package is never rendered on
 * the portal's own origin).
 */
export async function GET(
  _request: Request,
  context: { params: Promise<{ locale: string; reference: string; packageId: string }> },
) {
  const { locale: raw, reference, packageId } = await context.params;
  const locale = toLocale(raw);
  const page = `/${locale}/me/requests/${encodeURIComponent(reference)}`;
  const actor = await getActor();
  if (!actor) redirect(`/${locale}/sign-in`);
  // After the fresh sign-in the person lands back on the request, which starts this download.
  if (!(await signedInRecently()))
    redirect(
      `/${locale}/me/reauth?next=${encodeURIComponent(`${page}?download=${encodeURIComponent(packageId)}`)}`,
    );
  const result = await openResult({ actor, reference, packageId });
  if (result.status === "not-found") return new Response("Not found", { status: 404 });
  if (result.status === "expired") redirect(`${page}?result=expired`);
  return new Response(result.body, {
    headers: {
      "Content-Type": result.contentType,
      "Content-Disposition": `attachment; filename="${result.fileName}"`,
      ...(result.sizeBytes !== null ? { "Content-Length": String(result.sizeBytes) } : {}),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox",
    },
  });
}
