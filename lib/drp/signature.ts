import { createHash, verify } from "node:crypto";

import { publicKeyFromRaw } from "./keys";

// DRP's signed message (0.9 §3.07): base64 of an Ed25519 signature (64 bytes) followed by the JSON
// it signs, libsodium's "combined mode". Sent as text/plain.

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const SIGNATURE_BYTES = 64;
/** A signed message larger than this is refused before any work (a request is a few hundred bytes). */
export const MAX_SIGNED_BYTES = 64 * 1024;

export type Opened =
  | { ok: true; claims: Record<string, unknown>; hash: string }
  | { ok: false; why: "encoding" | "signature" | "json" };

/**
 * SHA-256 of the signed message (signature ‖ JSON) as decoded, not of its base64 text: base64 is
 * malleable (padding may be dropped, the last character's spare bits set), so one signed message
 * has several texts, and a hash of the text let a replay through by re-encoding it. Ed25519
 * signatures as node:crypto verifies them are not malleable, so the decoded bytes are unique.
 */
export function messageHash(raw: Buffer): string {
  return createHash("sha256").update(raw).digest("hex");
}

/** Checks the signature with the agent's key and returns the JSON object it signs. */
export function openSigned(body: string, verifyKey: Buffer): Opened {
  const text = body.trim();
  if (text.length === 0 || text.length > MAX_SIGNED_BYTES || !BASE64.test(text))
    return { ok: false, why: "encoding" };
  const raw = Buffer.from(text, "base64");
  if (raw.length <= SIGNATURE_BYTES) return { ok: false, why: "encoding" };
  const signature = raw.subarray(0, SIGNATURE_BYTES);
  const message = raw.subarray(SIGNATURE_BYTES);
  let valid = false;
  try {
    valid = verify(null, message, publicKeyFromRaw(verifyKey), signature);
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, why: "signature" };
  try {
    const parsed: unknown = JSON.parse(message.toString("utf8"));
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
      return { ok: false, why: "json" };
    return { ok: true, claims: parsed as Record<string, unknown>, hash: messageHash(raw) };
  } catch {
    return { ok: false, why: "json" };
  }
}
