import type { NextRequest } from "next/server";

import { handlers } from "@/lib/auth/auth";
import { clientIp, limitSignInMail } from "@/lib/auth/sign-in-limit";
import { tooManyRequests } from "@/lib/rate-limit";

export const { GET } = handlers;

/** next-auth's endpoints; a direct POST asking for a magic link counts against the same limits. */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/signin/nodemailer")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = form?.get("email");
    if (typeof email === "string" && email.length > 0) {
      const limited = await limitSignInMail(email, clientIp(request.headers));
      if (!limited.ok)
        return tooManyRequests(limited.retryAfterSeconds, { error: "errors.tooManyRequests" });
    }
  }
  return handlers.POST(request);
}
