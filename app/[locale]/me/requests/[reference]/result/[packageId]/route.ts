import { redirect } from "next/navigation";

import { getActor } from "@/lib/auth/actor";
import { signedInRecently } from "@/lib/auth/recent-auth";
import { openResult } from "@/lib/data/packages/open-result";
import { toLocale } from "@/lib/i18n/config";

const TYPES = { JSON: "application/json; charset=utf-8", CSV: "text/csv; charset=utf-8" } as Record<
  string,
  string
>;

/** Downloads a released result: signed in recently, within its expiry, every download logged. */
export async function GET(
  _request: Request,
  context: { params: Promise<{ locale: string; reference: string; packageId: string }> },
) {
  const { locale: raw, reference, packageId } = await context.params;
  const locale = toLocale(raw);
  const page = `/${locale}/me/requests/${encodeURIComponent(reference)}`;
  const actor = await getActor();
  if (!actor) redirect(`/${locale}/sign-in`);
  if (!(await signedInRecently()))
    redirect(`/${locale}/me/reauth?next=${encodeURIComponent(page)}`);
  const result = await openResult({ actor, reference, packageId });
  if (result.status === "not-found") return new Response("Not found", { status: 404 });
  if (result.status === "expired") redirect(`${page}?result=expired`);
  const extension = result.format === "CSV" ? "csv" : "json";
  return new Response(new Uint8Array(result.bytes), {
    headers: {
      "Content-Type": TYPES[result.format] ?? "application/octet-stream",
      "Content-Disposition": `attachment; filename="${reference}.${extension}"`,
      "Cache-Control": "no-store",
    },
  });
}
