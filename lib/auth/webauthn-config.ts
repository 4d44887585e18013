import { getEnv } from "@/lib/env";

// The relying party the browser's passkeys are bound to: the portal's public URL (AUTH_URL), or
// in demo mode without one, the address the request came to.

export interface RelyingParty {
  /** The RP ID: the host name passkeys are scoped to. */
  id: string;
  name: string;
  /** The one origin a ceremony may come from. */
  origin: string;
  /** Whether cookies are set with the __Secure- prefix, as next-auth does behind https. */
  secure: boolean;
}

export const RP_NAME = "Sakura Link Privacy Center";

export function relyingParty(requestUrl: string): RelyingParty {
  const configured = getEnv().AUTH_URL;
  const base = new URL(configured ?? requestUrl);
  return {
    id: base.hostname,
    name: RP_NAME,
    origin: base.origin,
    secure: base.protocol === "https:",
  };
}
