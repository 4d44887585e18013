import { readLogo } from "@/lib/brand/read-brand";

// The organisation's logo as a manager uploaded it (white-label, lib/data/brand/brand.ts), or the
// portal's own (public/brand/logo.svg) when there is none. Public: the header shows it to everyone.
// Pages link it with ?v=<upload time>, so a new logo is a new URL and this one may be cached.

export const dynamic = "force-dynamic";

export async function GET() {
  const logo = await readLogo();
  if (!logo)
    return new Response(null, {
      status: 307,
      headers: { Location: "/brand/logo.svg", "Cache-Control": "no-cache" },
    });
  return new Response(Buffer.from(logo.bytes), {
    headers: {
      "Content-Type": logo.type,
      "Content-Length": String(logo.bytes.length),
      "Cache-Control": "public, max-age=86400",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
