import { createHmac } from "node:crypto";

import { describe, expect, it } from "vitest";

import {
  acceptedSecrets,
  MAX_SKEW_SECONDS,
  PREVIOUS_SECRET_GRACE_MS,
  SIGNATURE_HEADERS,
  signatureHeadersOf,
  signBody,
  verifySignature,
  verifySignatureWithAny,
} from "./signature";

const SECRET = "test-secret-0123456789";
const NOW = new Date("2026-11-22T03:00:00Z");
const BODY = JSON.stringify({ taskId: "t1", status: "SUCCEEDED", result: { erased: 2 } });

function signed(options: { body?: string; secret?: string; at?: Date } = {}) {
  const headers = signBody({
    secret: options.secret ?? SECRET,
    body: options.body ?? BODY,
    now: options.at ?? NOW,
  });
  return {
    timestamp: headers[SIGNATURE_HEADERS.timestamp],
    nonce: headers[SIGNATURE_HEADERS.nonce],
    signature: headers[SIGNATURE_HEADERS.signature],
  };
}

const check = (h: ReturnType<typeof signed>, body = BODY, now = NOW) =>
  verifySignature({ secret: SECRET, body, now, ...h });

describe("connector signatures", () => {
  it("accepts a body signed with the system's secret, and says which nonce it carried", () => {
    const h = signed();
    expect(check(h)).toEqual({
      ok: true,
      timestamp: Math.floor(NOW.getTime() / 1000),
      nonce: h.nonce,
    });
  });

  it("signs HMAC-SHA256 over timestamp, nonce and raw body, as a system would compute it", () => {
    const h = signed();
    const hex = createHmac("sha256", SECRET)
      .update(`${h.timestamp}.${h.nonce}.${BODY}`)
      .digest("hex");
    expect(h.signature).toBe(`sha256=${hex}`);
    expect(h.timestamp).toMatch(/^\d+$/);
    expect(h.nonce).toMatch(/^[0-9a-f]{32}$/);
  });

  it("refuses a signature made with another secret", () => {
    expect(check(signed({ secret: "someone-else's-secret" }))).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });

  it("refuses a tampered body, even by one character", () => {
    const h = signed();
    expect(check(h, BODY.replace('"erased":2', '"erased":3'))).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });

  it("refuses a changed nonce or timestamp under the old signature", () => {
    const h = signed();
    expect(check({ ...h, nonce: `${h.nonce}00` })).toMatchObject({ ok: false, reason: "mismatch" });
    expect(check({ ...h, timestamp: String(Number(h.timestamp) + 1) })).toMatchObject({
      ok: false,
      reason: "mismatch",
    });
  });

  it("refuses a stale timestamp and accepts one just inside the window", () => {
    const old = new Date(NOW.getTime() - (MAX_SKEW_SECONDS + 1) * 1000);
    expect(check(signed({ at: old }))).toEqual({ ok: false, reason: "stale" });
    const edge = new Date(NOW.getTime() - (MAX_SKEW_SECONDS - 1) * 1000);
    expect(check(signed({ at: edge })).ok).toBe(true);
  });

  it("refuses a timestamp from the future beyond the window", () => {
    const ahead = new Date(NOW.getTime() + (MAX_SKEW_SECONDS + 5) * 1000);
    expect(check(signed({ at: ahead }))).toEqual({ ok: false, reason: "future" });
  });

  it("refuses missing or malformed headers", () => {
    const h = signed();
    const malformed = { ok: false, reason: "malformed" };
    expect(check({ ...h, signature: null as unknown as string })).toEqual(malformed);
    expect(check({ ...h, nonce: "" })).toEqual(malformed);
    expect(check({ ...h, signature: h.signature.replace("sha256=", "") })).toEqual(malformed);
    expect(check({ ...h, signature: h.signature.replace("sha256=", "sha1=") })).toEqual(malformed);
    expect(check({ ...h, signature: `${h.signature}00` })).toEqual(malformed);
    expect(check({ ...h, signature: h.signature.toUpperCase() })).toEqual(malformed);
    expect(check({ ...h, timestamp: "1.5e9" })).toEqual(malformed);
    expect(check({ ...h, timestamp: "-1" })).toEqual(malformed);
    expect(check({ ...h, nonce: "short" })).toEqual(malformed);
    expect(check({ ...h, nonce: "has spaces in it, 1234567" })).toEqual(malformed);
  });

  it("reads the headers case-insensitively from a request", () => {
    const h = signed();
    const headers = new Headers({
      "x-dsar-timestamp": h.timestamp,
      "X-DSAR-NONCE": h.nonce,
      "x-dsar-signature": h.signature,
    });
    expect(signatureHeadersOf(headers)).toEqual(h);
  });
});

describe("secret rotation", () => {
  const rotatedAt = new Date("2026-11-21T00:00:00Z");
  const system = {
    secret: "new-secret-0123456789",
    previousSecret: SECRET,
    secretRotatedAt: rotatedAt,
  };
  const after = (ms: number) => new Date(rotatedAt.getTime() + ms);

  it("accepts the previous secret until 24 hours after the rotation, then the current one only", () => {
    expect(acceptedSecrets(system, after(0))).toEqual([system.secret, SECRET]);
    expect(acceptedSecrets(system, after(PREVIOUS_SECRET_GRACE_MS))).toEqual([
      system.secret,
      SECRET,
    ]);
    expect(acceptedSecrets(system, after(PREVIOUS_SECRET_GRACE_MS + 1))).toEqual([system.secret]);
    // A clock behind the rotation does not open the grace period either.
    expect(acceptedSecrets(system, after(-1))).toEqual([system.secret]);
    expect(acceptedSecrets({ ...system, secretRotatedAt: null }, after(0))).toEqual([
      system.secret,
    ]);
    expect(acceptedSecrets({ ...system, previousSecret: null }, after(0))).toEqual([system.secret]);
  });

  it("checks each accepted secret, but a stale or malformed signature fails outright", () => {
    const now = after(3600_000);
    const secrets = acceptedSecrets(system, now);
    const h = signed({ secret: SECRET, at: now });
    expect(verifySignatureWithAny({ secrets, body: BODY, now, ...h })).toMatchObject({ ok: true });
    expect(verifySignatureWithAny({ secrets: [system.secret], body: BODY, now, ...h })).toEqual({
      ok: false,
      reason: "mismatch",
    });
    const stale = signed({ secret: SECRET, at: new Date(now.getTime() - 3600_000) });
    expect(verifySignatureWithAny({ secrets, body: BODY, now, ...stale })).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(verifySignatureWithAny({ secrets: [], body: BODY, now, ...h })).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });
});
