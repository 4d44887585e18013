import { getActor } from "@/lib/auth/actor";
import { openTaskAttachment } from "@/lib/data/fulfilment/open-task-attachment";

export const dynamic = "force-dynamic";

/** A manual task's attachment, as a download, for staff (audited in the data layer). */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const actor = await getActor();
  const file = actor ? await openTaskAttachment({ actor, attachmentId: id }) : null;
  if (!file)
    return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
