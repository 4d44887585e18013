import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// The signature both directions of an HTTP connector carry: the portal signs the task it sends,
// the system signs its callback. HMAC-SHA256 with the system's secret over
// "<unix seconds>.<nonce>.<raw body>", so a body cannot be moved to another time or replayed
// under another nonce. Pure apart from the default clock and nonce.

export const SIGNATURE_HEADERS = {
  timestamp: "X-DSAR-Timestamp",
  nonce: "X-DSAR-Nonce",
  signature: "X-DSAR-Signature",
} as const;

/** How far a signed timestamp may lie from our clock, either way. */
export const MAX_SKEW_SECONDS = 5 * 60;

/**
 * How long after a rotation a callback signed with the system's previous secret still passes:
 * a day for the system's operators to install the new one. Tasks we send use the new one at once.
 */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

const TIMESTAMP = /^\d{1,12}$/;
const NONCE = /^[A-Za-z0-9_-]{16,128}$/;
const SIGNATURE = /^sha256=([0-9a-f]{64})$/;

export type SignatureFailure = "malformed" | "stale" | "future" | "mismatch";

export type SignatureCheck =
  { ok: true; timestamp: number; nonce: string } | { ok: false; reason: SignatureFailure };

export function computeSignature(options: {
  secret: string;
  timestamp: string;
  nonce: string;
  body: string;
}): string {
  const { secret, timestamp, nonce, body } = options;
  return createHmac("sha256", secret).update(`${timestamp}.${nonce}.${body}`).digest("hex");
}

export const randomNonce = () => randomBytes(16).toString("hex");

/** The three headers for a body sent now (or at `now`). */
export function signBody(options: {
  secret: string;
  body: string;
  now?: Date;
  nonce?: string;
}): Record<(typeof SIGNATURE_HEADERS)[keyof typeof SIGNATURE_HEADERS], string> {
  const timestamp = String(Math.floor((options.now ?? new Date()).getTime() / 1000));
  const nonce = options.nonce ?? randomNonce();
  const hex = computeSignature({ secret: options.secret, timestamp, nonce, body: options.body });
  return {
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: `sha256=${hex}`,
  };
}

/**
 * Checks a signed body. The header values are taken as received (absent = null); the comparison
 * is constant-time. Replays within the window are the caller's to refuse (by nonce).
 */
export function verifySignature(options: {
  secret: string;
  body: string;
  timestamp: string | null;
  nonce: string | null;
  signature: string | null;
  now?: Date;
}): SignatureCheck {
  const { secret, body, timestamp, nonce, signature } = options;
  if (!timestamp || !nonce || !signature) return { ok: false, reason: "malformed" };
  const given = SIGNATURE.exec(signature)?.[1];
  if (!TIMESTAMP.test(timestamp) || !NONCE.test(nonce) || !given)
    return { ok: false, reason: "malformed" };
  const seconds = Number(timestamp);
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (seconds < nowSeconds - MAX_SKEW_SECONDS) return { ok: false, reason: "stale" };
  if (seconds > nowSeconds + MAX_SKEW_SECONDS) return { ok: false, reason: "future" };
  const expected = Buffer.from(computeSignature({ secret, timestamp, nonce, body }), "hex");
  const actual = Buffer.from(given, "hex");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected))
    return { ok: false, reason: "mismatch" };
  return { ok: true, timestamp: seconds, nonce };
}

/**
 * The secrets a system's callback may be signed with at `now`: its current secret, and its
 * previous one until PREVIOUS_SECRET_GRACE_MS after the rotation (never before the rotation time,
 * so a clock set back cannot stretch the grace period).
 */
export function acceptedSecrets(
  system: { secret: string | null; previousSecret: string | null; secretRotatedAt: Date | null },
  now: Date = new Date(),
): string[] {
  const secrets = system.secret ? [system.secret] : [];
  const rotatedAt = system.secretRotatedAt?.getTime();
  const age = rotatedAt === undefined ? Infinity : now.getTime() - rotatedAt;
  if (system.previousSecret && age >= 0 && age <= PREVIOUS_SECRET_GRACE_MS)
    secrets.push(system.previousSecret);
  return secrets;
}

/** verifySignature against each accepted secret; only a mismatch lets the next one be tried. */
export function verifySignatureWithAny(
  options: Omit<Parameters<typeof verifySignature>[0], "secret"> & { secrets: string[] },
): SignatureCheck {
  const { secrets, ...rest } = options;
  let check: SignatureCheck = { ok: false, reason: "mismatch" };
  for (const secret of secrets) {
    check = verifySignature({ ...rest, secret });
    if (check.ok || check.reason !== "mismatch") return check;
  }
  return check;
}

/** The signature headers of an incoming request, by their case-insensitive names. */
export function signatureHeadersOf(headers: Headers) {
  return {
    timestamp: headers.get(SIGNATURE_HEADERS.timestamp),
    nonce: headers.get(SIGNATURE_HEADERS.nonce),
    signature: headers.get(SIGNATURE_HEADERS.signature),
  };
}
