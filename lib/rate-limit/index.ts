import { createHash } from "node:crypto";

import type { Db, Tx } from "@/lib/db";

// Fixed-window rate limits kept in PostgreSQL, so every app process counts against the same
// windows. One statement per check: the counter row is created or incremented atomically.
// Keys are hashed: no e-mail address or IP address is stored in the table.

export interface Limit {
  limit: number;
  windowSeconds: number;
}

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export const LIMITS = {
  // Magic-link mails: per address, and per client address for someone trying many addresses.
  signInMailPerAddress: { limit: 5, windowSeconds: 15 * 60 },
  signInMailPerIp: { limit: 30, windowSeconds: 15 * 60 },
  // Identity documents and message attachments, per signed-in person.
  uploadPerUser: { limit: 30, windowSeconds: 10 * 60 },
  // Passkey ceremonies per client address, and recovery-code attempts per person.
  passkeyPerIp: { limit: 60, windowSeconds: 15 * 60 },
  recoveryPerUser: { limit: 10, windowSeconds: 15 * 60 },
  // Integration API calls, per key.
  apiPerKey: { limit: 1200, windowSeconds: 60 },
  // Data Rights Protocol calls, per client address (an agent files from its back end).
  drpPerIp: { limit: 600, windowSeconds: 60 },
} as const satisfies Record<string, Limit>;

/** A table key for `value` under `scope`, without the value itself. */
export function rateKey(scope: string, value: string): string {
  const digest = createHash("sha256").update(`${scope}\u0000${value}`).digest("base64url");
  return `${scope}:${digest.slice(0, 32)}`;
}

/** Counts one hit against `key`; refuses once the window's limit is used up. */
export async function consume(
  db: Db | Tx,
  options: { key: string } & Limit,
  now = new Date(),
): Promise<RateLimitResult> {
  const windowMs = options.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count")
    VALUES (${options.key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
    RETURNING "count"`;
  const count = rows[0]?.count ?? 1;
  if (count <= options.limit) return { ok: true };
  const retryAfterMs = windowStart.getTime() + windowMs - now.getTime();
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

/** Checks several limits; the first refusal wins (every limit still counts the hit). */
export async function consumeAll(
  db: Db | Tx,
  checks: ({ key: string } & Limit)[],
  now = new Date(),
): Promise<RateLimitResult> {
  let refused: RateLimitResult = { ok: true };
  for (const check of checks) {
    const result = await consume(db, check, now);
    if (!result.ok && refused.ok) refused = result;
  }
  return refused;
}

/** Drops windows that ended more than a day ago (a pg-boss cron, lib/rate-limit/jobs.ts). */
export async function pruneRateLimits(db: Db, now = new Date()): Promise<number> {
  return db.$executeRaw`DELETE FROM "RateLimit" WHERE "windowStart" < ${new Date(now.getTime() - 86_400_000)}`;
}

/** The HTTP answer for a refusal: 429 with Retry-After. */
export function tooManyRequests(retryAfterSeconds: number, body: unknown): Response {
  return Response.json(body, {
    status: 429,
    headers: { "Retry-After": String(retryAfterSeconds) },
  });
}
