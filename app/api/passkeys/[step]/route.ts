import { cookies } from "next/headers";
import { z } from "@/lib/validation/zod";

import { getSessionState } from "@/lib/auth/actor";
import { relyingParty } from "@/lib/auth/webauthn-config";
import { getDb } from "@/lib/db";
import {
  authenticationOptions,
  redeemRecoveryCode,
  registrationOptions,
  renewRecoveryCodes,
  verifyAuthentication,
  verifyRegistration,
  type SessionWho,
} from "@/lib/data/passkeys/passkeys";
import { AppError } from "@/lib/errors";
import { requestClientAddress } from "@/lib/http/client-address";
import { log } from "@/lib/log";
import { consume, LIMITS, rateKey, tooManyRequests } from "@/lib/rate-limit";

// The WebAuthn ceremonies, as JSON over POST from components/auth/passkey-calls.ts:
//   register-options, register-verify   add a passkey to the signed-in account
//   auth-options, auth-verify           confirm the session's passkey (second factor, step-up,
//                                       re-authentication), or sign in with one (no session)
//   recover                             a recovery code in place of the passkey
//   recovery-codes                      new recovery codes
// Every answer is JSON: { ok: true, … } or { ok: false, code, error } with a catalogue key.

export const dynamic = "force-dynamic";

const ZBody = {
  "register-options": z.object({}),
  "register-verify": z.object({
    challengeId: z.string().min(1).max(64),
    name: z.string().trim().max(50, "passkeys.errors.nameTooLong"),
    response: z.looseObject({
      id: z.string().min(1).max(1024),
      response: z.looseObject({ transports: z.array(z.string()).optional() }),
    }),
  }),
  "auth-options": z.object({}),
  "auth-verify": z.object({
    challengeId: z.string().min(1).max(64),
    response: z.looseObject({ id: z.string().min(1).max(1024) }),
  }),
  recover: z.object({ code: z.string().trim().min(1, "passkeys.errors.codeRequired").max(40) }),
  "recovery-codes": z.object({}),
} as const;
type Step = keyof typeof ZBody;

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  STEP_UP_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_INPUT: 400,
  RATE_LIMITED: 429,
};

const refuse = (code: string, error: string, status = STATUS[code] ?? 400) =>
  Response.json({ ok: false, code, error }, { status, headers: { "Cache-Control": "no-store" } });

const SESSION_COOKIE = (secure: boolean) =>
  secure ? "__Secure-authjs.session-token" : "authjs.session-token";

export async function POST(request: Request, context: { params: Promise<{ step: string }> }) {
  const { step } = await context.params;
  if (!(step in ZBody)) return refuse("NOT_FOUND", "errors.notFound");
  const rp = relyingParty(request.url);
  // Only the portal's own pages start a ceremony (a form elsewhere cannot post JSON here with
  // the cookie, but the check costs nothing and says so).
  if (request.headers.get("origin") !== rp.origin) return refuse("FORBIDDEN", "errors.forbidden");
  const ip = requestClientAddress(request.headers);
  const parsed = ZBody[step as Step].safeParse(await request.json().catch(() => null));
  if (!parsed.success) return refuse("INVALID_INPUT", "errors.invalidInput");

  const db = getDb();
  const state = await getSessionState();
  const who: SessionWho | null = state && {
    sessionId: state.sessionId,
    userId: state.user.id,
    email: state.email,
    role: state.role,
    passkeyAt: state.passkeyAt,
    recoveredAt: state.recoveredAt,
    ip,
  };
  try {
    if (!who && step !== "auth-options" && step !== "auth-verify")
      throw new AppError("UNAUTHENTICATED");
    if (ip && (step === "auth-options" || step === "auth-verify")) {
      const limited = await consume(db, { key: rateKey("passkey-ip", ip), ...LIMITS.passkeyPerIp });
      if (!limited.ok)
        return tooManyRequests(limited.retryAfterSeconds, {
          ok: false,
          code: "RATE_LIMITED",
          error: "errors.tooManyRequests",
        });
    }
    const body = parsed.data as Record<string, unknown>;
    switch (step as Step) {
      case "register-options":
        return Response.json({ ok: true, ...(await registrationOptions(db, rp, who!)) });
      case "register-verify": {
        const input = body as z.infer<(typeof ZBody)["register-verify"]>;
        const result = await verifyRegistration(db, rp, who!, {
          challengeId: input.challengeId,
          name: input.name || "Passkey",
          response: input.response as never,
        });
        return Response.json({ ok: true, recoveryCodes: result.recoveryCodes });
      }
      case "auth-options":
        return Response.json({
          ok: true,
          ...(await authenticationOptions(db, rp, who && { userId: who.userId })),
        });
      case "auth-verify": {
        const input = body as z.infer<(typeof ZBody)["auth-verify"]>;
        const result = await verifyAuthentication(
          db,
          rp,
          { challengeId: input.challengeId, response: input.response as never },
          who,
          ip,
        );
        if (result.kind === "signed-in")
          (await cookies()).set(SESSION_COOKIE(rp.secure), result.sessionToken, {
            httpOnly: true,
            sameSite: "lax",
            secure: rp.secure,
            path: "/",
            expires: result.expires,
          });
        return Response.json({ ok: true });
      }
      case "recover": {
        const limited = await consume(db, {
          key: rateKey("recovery", who!.userId),
          ...LIMITS.recoveryPerUser,
        });
        if (!limited.ok) throw new AppError("RATE_LIMITED");
        const { code } = body as z.infer<(typeof ZBody)["recover"]>;
        return Response.json({ ok: true, ...(await redeemRecoveryCode(db, who!, code)) });
      }
      case "recovery-codes":
        return Response.json({ ok: true, recoveryCodes: await renewRecoveryCodes(db, who!) });
    }
  } catch (error) {
    if (error instanceof AppError) return refuse(error.code, error.messageKey);
    const errorId = log.error("passkey step failed", error, { step });
    return Response.json(
      { ok: false, code: "UNEXPECTED", error: "errors.unexpected", errorId },
      { status: 500, headers: { "Cache-Control": "no-store" } },
    );
  }
}
