import { getActor } from "@/lib/auth/actor";
import { openLetter } from "@/lib/data/letters/open-letter";
import { isLocale } from "@/lib/i18n/config";
import { isLetterKind } from "@/lib/letters/letters";

/** A request's letter as a PDF in the page's language, to its requester and to staff. */
export async function GET(
  _request: Request,
  context: { params: Promise<{ locale: string; reference: string; kind: string }> },
) {
  const { locale, reference, kind } = await context.params;
  if (!isLocale(locale) || !isLetterKind(kind)) return new Response("Not found", { status: 404 });
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const letter = await openLetter({ actor, reference, kind, locale });
  if (!letter) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(letter.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${letter.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
