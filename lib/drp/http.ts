import { getDb } from "@/lib/db";
import { requestClientAddress } from "@/lib/http/client-address";
import { consume, LIMITS, rateKey, tooManyRequests } from "@/lib/rate-limit";

import { drpBusinessId, type DrpAnswer } from "./protocol";
import { MAX_SIGNED_BYTES } from "./signature";

// What every DRP route does around the protocol (lib/drp/protocol.ts): off (404) unless
// DRP_BUSINESS_ID is set, a rate limit per client address, the body read as text up to its size
// limit, and the answer as JSON (or empty, for the refusals §2.05 wants without a body).

const json = (status: number, message: string) =>
  Response.json({ code: String(status), message }, { status });

export async function drpRoute(
  request: Request,
  handle: (body: string) => Promise<DrpAnswer>,
): Promise<Response> {
  if (!drpBusinessId()) return json(404, "The Data Rights Protocol is not enabled here.");
  const client = requestClientAddress(request.headers) ?? "unknown";
  const limited = await consume(getDb(), { key: rateKey("drp", client), ...LIMITS.drpPerIp });
  if (!limited.ok)
    return tooManyRequests(limited.retryAfterSeconds, {
      code: "429",
      message: "Too many requests; retry after the time in Retry-After.",
    });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_SIGNED_BYTES) return json(413, "The body is too large.");
  const body = request.method === "GET" ? "" : await request.text();
  if (body.length > MAX_SIGNED_BYTES) return json(413, "The body is too large.");
  const answer = await handle(body);
  return answer.body === null
    ? new Response(null, { status: answer.status })
    : Response.json(answer.body, { status: answer.status });
}
