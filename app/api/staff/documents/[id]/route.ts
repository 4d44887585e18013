import { getActor } from "@/lib/auth/actor";
import { viewDocument } from "@/lib/data/identity/view-document";
import { stepUpRefusal } from "@/lib/http/refuse";
import { log } from "@/lib/log";

// Identity documents for staff reviewing them, shown inside the staff request page (an <img> or
// an <iframe>): never a public URL, never cached, each view audited by the data layer. The id is
// an opaque cuid, so the address carries no personal data.

export const dynamic = "force-dynamic";

// Nothing in the response may run or load anything; only the portal's own pages may frame it.
// Browsers obey frame-ancestors over the site-wide X-Frame-Options: DENY (next.config.js), which
// would otherwise stop the PDF from showing in the staff page's frame.
const CSP: Record<string, string> = {
  image:
    "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox",
  pdf: "default-src 'none'; object-src 'self'; frame-ancestors 'self'",
};

// Someone without the permission, another subject, a destroyed file and an unknown id all get
// the same answer, so the route reveals nothing about which documents exist.
const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" },
  });

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const actor = await getActor();
  if (!actor) return notFound();
  try {
    const document = await viewDocument({ actor, documentId: id });
    if (!document) return notFound();
    const pdf = document.mimeType === "application/pdf";
    return new Response(new Uint8Array(document.bytes), {
      headers: {
        "Content-Type": document.mimeType,
        "Content-Length": String(document.bytes.length),
        "Content-Disposition": "inline",
        "Cache-Control": "no-store, private",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": pdf ? CSP.pdf! : CSP.image!,
        "Referrer-Policy": "no-referrer",
        "Cross-Origin-Resource-Policy": "same-origin",
      },
    });
  } catch (error) {
    const refusal = stepUpRefusal(error);
    if (refusal) return refusal;
    const errorId = log.error("document view failed", error, { route: "staff-documents" });
    return new Response(`Error ${errorId}`, {
      status: 500,
      headers: { "Cache-Control": "no-store" },
    });
  }
}
