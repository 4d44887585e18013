import "server-only";

import { getDb } from "@/lib/db";
import { requestClientAddress } from "@/lib/http/client-address";
import { consumeAll, LIMITS, rateKey, type Limit, type RateLimitResult } from "@/lib/rate-limit";

// Magic-link mails are limited per address (someone flooding one person's inbox) and per client
// address (someone trying many addresses). The same check guards the sign-in form's server action
// and next-auth's own POST endpoint, which can be called directly.

export function limitSignInMail(email: string, ip: string | null): Promise<RateLimitResult> {
  const checks: ({ key: string } & Limit)[] = [
    { key: rateKey("signin-mail", email.trim().toLowerCase()), ...LIMITS.signInMailPerAddress },
  ];
  if (ip) checks.push({ key: rateKey("signin-ip", ip), ...LIMITS.signInMailPerIp });
  return consumeAll(getDb(), checks);
}

/** The client's address: the socket's peer, or across TRUSTED_PROXIES only (never a header alone). */
export function clientIp(headers: Headers): string | null {
  return requestClientAddress(headers);
}
