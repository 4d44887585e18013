/** A short plain-text refusal, never cached: the answer of the proxy's request-hygiene checks. */
export function refuse(status: number, text: string): Response {
  return new Response(`${text}\n`, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
