import { getActor } from "@/lib/auth/actor";
import { openPreparedPackage } from "@/lib/data/packages/open-prepared-package";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** Staff download a built package to check it before release; each download is audited. */
export async function GET(_request: Request, context: { params: Promise<{ packageId: string }> }) {
  const { packageId } = await context.params;
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const file = await openPreparedPackage({ actor, packageId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "STEP_UP_REQUIRED") return "step-up" as const;
    throw error;
  });
  // No passkey confirmed in the last 10 minutes: the page offers the confirmation.
  if (file === "step-up")
    return new Response("Passkey confirmation required", {
      status: 403,
      headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" },
    });
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
