"use client";

import {
  browserSupportsWebAuthn,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
} from "@simplewebauthn/browser";

import type { MessageKey } from "@/lib/i18n/translate";

// The browser's half of the WebAuthn ceremonies: options from app/api/passkeys/[step], the
// authenticator's answer back to it. Every outcome is a result; nothing throws to the page.

export type Failure = { ok: false; code: string; error: MessageKey; errorId?: string };
export type Outcome<T extends object = object> = ({ ok: true } & T) | Failure;

const unexpected: Failure = { ok: false, code: "UNEXPECTED", error: "errors.unexpected" };

async function post<T extends object>(step: string, body: object = {}): Promise<Outcome<T>> {
  try {
    const response = await fetch(`/api/passkeys/${step}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Outcome<T>;
  } catch {
    return unexpected;
  }
}

/** The browser said no: unsupported, cancelled, timed out, or no matching passkey. */
function browserFailure(error: unknown): Failure {
  const name = error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "AbortError")
    return { ok: false, code: "CANCELLED", error: "passkeys.cancelled" };
  if (name === "InvalidStateError")
    return { ok: false, code: "CONFLICT", error: "passkeys.errors.alreadyRegistered" };
  return { ok: false, code: "FAILED", error: "passkeys.errors.failed" };
}

const unsupported = (): Failure | null =>
  browserSupportsWebAuthn()
    ? null
    : { ok: false, code: "UNSUPPORTED", error: "passkeys.unsupported" };

/** Registers a passkey on this device; the first one of a staff account brings recovery codes. */
export async function registerPasskey(
  name: string,
): Promise<Outcome<{ recoveryCodes: string[] | null }>> {
  const refused = unsupported();
  if (refused) return refused;
  const options = await post<{
    challengeId: string;
    options: PublicKeyCredentialCreationOptionsJSON;
  }>("register-options");
  if (!options.ok) return options;
  let response;
  try {
    response = await startRegistration({ optionsJSON: options.options });
  } catch (error) {
    return browserFailure(error);
  }
  return post("register-verify", { challengeId: options.challengeId, name, response });
}

/**
 * Asserts a passkey: for the signed-in session (second factor, step-up, re-authentication), or,
 * signed out, to sign in.
 */
export async function assertPasskey(): Promise<Outcome> {
  const refused = unsupported();
  if (refused) return refused;
  const options = await post<{
    challengeId: string;
    options: PublicKeyCredentialRequestOptionsJSON;
  }>("auth-options");
  if (!options.ok) return options;
  let response;
  try {
    response = await startAuthentication({ optionsJSON: options.options });
  } catch (error) {
    return browserFailure(error);
  }
  return post("auth-verify", { challengeId: options.challengeId, response });
}

export const redeemRecoveryCode = (code: string) =>
  post<{ remaining: number }>("recover", { code });

export const renewRecoveryCodes = () => post<{ recoveryCodes: string[] }>("recovery-codes");
