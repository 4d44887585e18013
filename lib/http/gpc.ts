// The Global Privacy Control request header (https://privacycg.github.io/gpc-spec/#the-sec-gpc-header-field-for-http-requests):
// `Sec-GPC: 1` is the only value that means the signal is on.

/** Whether the request carries the GPC signal. */
export function gpcRequested(headers: Pick<Headers, "get">): boolean {
  return headers.get("sec-gpc")?.trim() === "1";
}
