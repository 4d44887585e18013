import { NextResponse, type NextRequest } from "next/server";

import { getDb } from "@/lib/db";
import { isDemoMode } from "@/lib/env";
import { fromThisMachine } from "@/lib/http/peer";
import { answerAsDemoSystem } from "@/lib/fulfilment/engine/demo-system";
import { log } from "@/lib/log";

// The demo organisation's simulated HTTP system ("reservations"): exists only in demo mode, and
// only for this machine (the portal itself calls it), where the HTTP connector sends that
// system's tasks here instead of to an endpoint nobody runs.

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest) {
  if (!isDemoMode() || !fromThisMachine(request.headers))
    return new NextResponse(null, { status: 404 });
  try {
    const answer = await answerAsDemoSystem(getDb(), {
      systemKey: request.nextUrl.searchParams.get("system"),
      headers: request.headers,
      rawBody: await request.text(),
    });
    return NextResponse.json(answer.body, { status: answer.status });
  } catch (error) {
    const errorId = log.error("demo connector failed", error, { route: "demo-connector" });
    return NextResponse.json({ error: "unexpected", errorId }, { status: 500 });
  }
}
