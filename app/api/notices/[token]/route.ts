import { NextResponse, type NextRequest } from "next/server";

import { openNotice } from "@/lib/data/fulfilment/notices";
import { toLocale } from "@/lib/i18n/config";
import { log } from "@/lib/log";

// A recipient's system reads an onward notice it was sent by webhook (lib/fulfilment/
// onward-delivery.ts): what changed for whom, as JSON. No session: the token in the path is the
// credential, as in the mailed link; unknown and expired tokens are 404. Never cached.

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET(request: NextRequest, context: { params: Promise<{ token: string }> }) {
  const { token } = await context.params;
  try {
    const locale = toLocale(request.nextUrl.searchParams.get("locale") ?? "en");
    const notice = await openNotice(token, locale);
    if (!notice)
      return NextResponse.json(
        { ok: false, error: "not_found" },
        { status: 404, headers: NO_STORE },
      );
    return NextResponse.json({ ok: true, notice }, { headers: NO_STORE });
  } catch (error) {
    const errorId = log.error("notice read failed", error, { route: "notice-details" });
    return NextResponse.json(
      { ok: false, error: "unexpected", errorId },
      { status: 500, headers: NO_STORE },
    );
  }
}
