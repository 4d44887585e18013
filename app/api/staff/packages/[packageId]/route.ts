import { getActor } from "@/lib/auth/actor";
import { openPreparedPackage } from "@/lib/data/packages/open-prepared-package";
import { stepUpRefusal } from "@/lib/http/refuse";

export const dynamic = "force-dynamic";

/** Staff download a built package to check it before release; each download is audited. */
export async function GET(_request: Request, context: { params: Promise<{ packageId: string }> }) {
  const { packageId } = await context.params;
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  let file: Awaited<ReturnType<typeof openPreparedPackage>>;
  try {
    file = await openPreparedPackage({ actor, packageId });
  } catch (error) {
    const refusal = stepUpRefusal(error);
    if (refusal) return refusal;
    throw error;
  }
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      ...(file.sizeBytes !== null ? { "Content-Length": String(file.sizeBytes) } : {}),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox",
    },
  });
}
