import { AppError } from "@/lib/errors";

/** A short plain-text refusal, never cached: the answer of the proxy's request-hygiene checks. */
export function refuse(status: number, text: string): Response {
  return new Response(`${text}\n`, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

/**
 * 403 when the data layer asked for a passkey confirmed in the last 10 minutes (step-up, issue
 * 13), for routes that hand out a file: the page beside the link offers the confirmation. Null for
 * any other error, which the route handles itself.
 */
export function stepUpRefusal(error: unknown): Response | null {
  return error instanceof AppError && error.code === "STEP_UP_REQUIRED"
    ? refuse(403, "Passkey confirmation required")
    : null;
}
