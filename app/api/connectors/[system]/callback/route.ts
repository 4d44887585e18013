import { NextResponse, type NextRequest } from "next/server";

import { getDb } from "@/lib/db";
import { handleConnectorCallback, MAX_CALLBACK_BYTES } from "@/lib/fulfilment/engine/callback";
import { log } from "@/lib/log";

// HTTP systems call back here with the result of a task they accepted with 202. No session: the
// system proves itself by the HMAC signature over the raw body (lib/fulfilment/engine/callback.ts).

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest, context: { params: Promise<{ system: string }> }) {
  const { system } = await context.params;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_CALLBACK_BYTES)
    return NextResponse.json({ ok: false, error: "too_large" }, { status: 413 });
  try {
    const rawBody = await request.text();
    if (Buffer.byteLength(rawBody) > MAX_CALLBACK_BYTES)
      return NextResponse.json({ ok: false, error: "too_large" }, { status: 413 });
    const answer = await handleConnectorCallback(getDb(), {
      systemKey: system,
      headers: request.headers,
      rawBody,
    });
    if (!answer.body.ok)
      log.warn("connector callback refused", { status: answer.status, error: answer.body.error });
    return NextResponse.json(answer.body, { status: answer.status });
  } catch (error) {
    const errorId = log.error("connector callback failed", error, { route: "connector-callback" });
    return NextResponse.json({ ok: false, error: "unexpected", errorId }, { status: 500 });
  }
}
