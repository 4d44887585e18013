import { NextResponse } from "next/server";

import { confirmNoticeByToken } from "@/lib/data/fulfilment/notices";
import { log } from "@/lib/log";

// A recipient's system confirms an onward notice it was sent by webhook: POST, no body. The token
// in the path is the credential (as in the mailed link); a second confirmation answers "already".

export const dynamic = "force-dynamic";

export async function POST(_request: Request, context: { params: Promise<{ token: string }> }) {
  const { token } = await context.params;
  try {
    const result = await confirmNoticeByToken(token, "api");
    if (!result) return NextResponse.json({ ok: false, error: "not_found" }, { status: 404 });
    return NextResponse.json({ ok: true, status: result });
  } catch (error) {
    const errorId = log.error("notice confirmation failed", error, { route: "notice-confirm" });
    return NextResponse.json({ ok: false, error: "unexpected", errorId }, { status: 500 });
  }
}
