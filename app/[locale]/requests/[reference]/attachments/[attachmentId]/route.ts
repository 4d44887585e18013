import { getActor } from "@/lib/auth/actor";
import { openAttachment } from "@/lib/data/messages/open-attachment";

/** Serves a message attachment (never from public/), as a download, to those who may read it. */
export async function GET(
  _request: Request,
  context: { params: Promise<{ reference: string; attachmentId: string }> },
) {
  const { reference, attachmentId } = await context.params;
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const file = await openAttachment({ actor, reference, attachmentId });
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
