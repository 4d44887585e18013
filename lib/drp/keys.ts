import { createPublicKey, type KeyObject } from "node:crypto";

// An agent's Ed25519 verify key as the DRP agent directory gives it: 32 bytes, base64 since DRP
// 0.9.1 and hex in 0.9. Stored in the canonical form, standard base64.

const HEX = /^[0-9a-fA-F]{64}$/;
const BASE64 = /^[A-Za-z0-9+/_-]{43}=?$/;

/** The 32 key bytes, or null when the text is neither 64 hex digits nor base64 of 32 bytes. */
export function parseVerifyKey(text: string): Buffer | null {
  const trimmed = text.trim();
  let raw: Buffer | null = null;
  if (HEX.test(trimmed)) raw = Buffer.from(trimmed, "hex");
  else if (BASE64.test(trimmed)) {
    raw = Buffer.from(trimmed.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  }
  if (!raw || raw.length !== 32) return null;
  try {
    publicKeyFromRaw(raw);
  } catch {
    return null;
  }
  return raw;
}

/** The stored form of a verify key (standard base64), or null when it is not one. */
export function canonicalVerifyKey(text: string): string | null {
  return parseVerifyKey(text)?.toString("base64") ?? null;
}

/** A node:crypto public key from the 32 raw bytes of an Ed25519 key. */
export function publicKeyFromRaw(raw: Buffer): KeyObject {
  return createPublicKey({
    key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") },
    format: "jwk",
  });
}
