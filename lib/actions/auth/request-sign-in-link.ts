"use server";

import { headers } from "next/headers";

import { signIn } from "@/lib/auth/auth";
import { clientIp, limitSignInMail } from "@/lib/auth/sign-in-limit";
import { fieldErrorsOf, type ActionResult } from "@/lib/actions/safe-action";
import { log } from "@/lib/log";
import { ZSignIn } from "@/lib/validation/auth";

/** Sends a magic link. Public: anyone may ask; the answer never says whether the address is known. */
export async function requestSignInLink(raw: unknown): Promise<ActionResult<null>> {
  const parsed = ZSignIn.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      code: "INVALID_INPUT",
      error: "errors.invalidInput",
      fieldErrors: fieldErrorsOf(parsed.error),
    };
  }
  try {
    const limited = await limitSignInMail(parsed.data.email, clientIp(await headers()));
    if (!limited.ok) return { ok: false, code: "RATE_LIMITED", error: "errors.tooManyRequests" };
    await signIn("nodemailer", {
      email: parsed.data.email,
      redirect: false,
      redirectTo: parsed.data.next ?? `/${parsed.data.locale}/me`,
    });
    return { ok: true, data: null };
  } catch (error) {
    const errorId = log.error("sign-in link failed", error);
    return { ok: false, code: "UNEXPECTED", error: "signIn.error", errorId };
  }
}
