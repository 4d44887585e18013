import { recordAudit } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db";
import { getDb } from "@/lib/db";
import type { ApiScope } from "@/lib/generated/prisma/enums";
import { log } from "@/lib/log";
import { consume, LIMITS, rateKey } from "@/lib/rate-limit";

import { authenticateApiKey, bearerKey, type ApiCaller } from "../keys";

import { ApiError } from "./errors";

// Every /api/v1 call goes through here: the key and its scope, the per-key rate limit, the work,
// and one audit event per call made with a real key — refused ones too (revoked, out of scope,
// rate-limited, bad items) — holding the key, system, status and counts, never an item. A call
// without a real key cannot be attributed, changes nothing and is not audited.
// Work that writes records its audit event in its own transaction (`audit` below), so the rows
// and their event commit together; refusals and reads are audited afterwards.

export type AuditCounts = Record<string, string | number | boolean | null>;

export interface ApiContext {
  db: Db;
  caller: ApiCaller;
  request: Request;
  /** Writes the call's audit event in the caller's transaction (once). */
  audit: (tx: Tx, counts: AuditCounts) => Promise<void>;
}

export interface ApiResult {
  status: number;
  body: unknown;
  counts?: AuditCounts;
}

const AUTH_MESSAGES = {
  unauthenticated: "A valid API key is required (Authorization: Bearer <key>)",
  revoked: "This API key has been revoked",
  missing_scope: "This API key lacks the scope this endpoint needs",
} as const;

function auditInput(action: string, caller: ApiCaller, status: number, counts: AuditCounts) {
  return {
    actorId: null,
    actorRole: "API",
    action,
    entityType: "ApiKey",
    entityId: caller.keyId,
    data: { systemId: caller.systemId, status, ...counts },
  };
}

/** The caller of a real key, even a refused one (revoked, out of scope), for the audit event. */
type Identified = { caller: ApiCaller | null };

async function authenticate(
  db: Db,
  request: Request,
  scope: ApiScope,
  identified: Identified,
): Promise<ApiCaller> {
  const auth = await authenticateApiKey(db, {
    key: bearerKey(request.headers.get("authorization")),
    scope,
  });
  identified.caller = auth.ok ? auth.caller : (auth.caller ?? null);
  if (!auth.ok) throw new ApiError(auth.status, auth.code, AUTH_MESSAGES[auth.code]);
  const limited = await consume(db, {
    key: rateKey("api", auth.caller.keyId),
    ...LIMITS.apiPerKey,
  });
  if (!limited.ok)
    throw new ApiError(
      429,
      "rate_limited",
      "Too many calls with this key; retry later",
      undefined,
      {
        "Retry-After": String(limited.retryAfterSeconds),
      },
    );
  return auth.caller;
}

/** Runs one API call: authentication, rate limit, work, audit, JSON answer. */
export async function handleApiCall(
  request: Request,
  options: { scope: ApiScope; action: string },
  run: (ctx: ApiContext) => Promise<ApiResult>,
): Promise<Response> {
  const db = getDb();
  const identified: Identified = { caller: null };
  let audited = false;
  const audit = async (tx: Tx, status: number, counts: AuditCounts) => {
    if (!identified.caller || audited) return;
    await recordAudit(tx, auditInput(options.action, identified.caller, status, counts));
    audited = true;
  };
  try {
    const caller = await authenticate(db, request, options.scope, identified);
    const result = await run({
      db,
      caller,
      request,
      audit: (tx, counts) => audit(tx, 200, counts),
    });
    if (!audited) await db.$transaction((tx) => audit(tx, result.status, result.counts ?? {}));
    return Response.json(result.body, { status: result.status });
  } catch (error) {
    const refusal =
      error instanceof ApiError
        ? error
        : new ApiError(
            500,
            "unexpected",
            `Unexpected error (id ${log.error("api call failed", error, { action: options.action })})`,
          );
    if (refusal.status < 500 && refusal.status !== 401)
      log.warn("api call refused", {
        action: options.action,
        status: refusal.status,
        code: refusal.code,
      });
    // A transaction that failed took its audit event with it: record the refusal instead.
    audited = false;
    if (identified.caller)
      await db
        .$transaction((tx) =>
          audit(tx, refusal.status, {
            code: refusal.code,
            itemErrors: refusal.items?.length ?? null,
          }),
        )
        .catch((auditError: unknown) => log.error("api audit failed", auditError));
    return refusal.toResponse();
  }
}
