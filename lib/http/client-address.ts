import { isIP, type BlockList } from "node:net";

import { getEnv } from "@/lib/env";

import { parseAddressList, type AddressList } from "./address-list";
import { PEER_HEADER } from "./peer";

export type TrustedProxies = AddressList;
export const parseTrustedProxies = parseAddressList;

// The client's address, for rate limits and the audit log. By default it is the socket's peer
// (lib/http/peer.ts): headers a client sends prove nothing. Behind proxies the operator names
// them in TRUSTED_PROXIES (addresses or CIDRs); then X-Forwarded-For is walked from the right,
// across those proxies only, and the first address that is not one of them is the client. A
// client that writes its own X-Forwarded-For only adds entries to the left of what the proxies
// append, which the walk never reaches.

/** An address as comparable text: IPv4-mapped IPv6 becomes IPv4; anything else null. */
function normalise(address: string | undefined): string | null {
  const text = (address ?? "").trim().replace(/^\[(.*)\]$/, "$1");
  const plain = text.startsWith("::ffff:") && isIP(text.slice(7)) === 4 ? text.slice(7) : text;
  return isIP(plain) ? plain : null;
}

function trusts(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

let configured: { value: string | undefined; list: TrustedProxies } | undefined;

/** The client's address under the environment's TRUSTED_PROXIES (parsed once). */
export function requestClientAddress(
  headers: Pick<Headers, "get">,
  value = getEnv().TRUSTED_PROXIES,
): string | null {
  if (configured?.value !== value) configured = { value, list: parseTrustedProxies(value) };
  return clientAddress(headers, configured?.list ?? null);
}

/** The client's address, or null when the request carries no socket stamp (never guessed). */
export function clientAddress(
  headers: Pick<Headers, "get">,
  trusted: TrustedProxies,
): string | null {
  let current = normalise(headers.get(PEER_HEADER) ?? undefined);
  if (!current || !trusted) return current;
  const chain = (headers.get("x-forwarded-for") ?? "").split(",");
  while (trusts(trusted, current)) {
    const next = chain.pop();
    if (next === undefined) return current;
    const address = normalise(next);
    // A malformed hop is where trust ends: the last proxy's own peer stands.
    if (!address) return current;
    current = address;
  }
  return current;
}
