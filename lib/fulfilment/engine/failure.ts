// Why a task failed, as a short code staff read translated (fulfilment.tasks.errors.<code>). The
// reason never carries personal data: no bodies, no values, only codes and HTTP statuses.

export const FAILURE_CODES = [
  "timeout",
  "network",
  "http_status",
  "unexpected_status",
  "invalid_json",
  "invalid_result",
  "too_large",
  "bad_config",
  "no_secret",
  "system_failed",
  "internal_error",
  "request_closed",
  "refused_address",
  // SQL connectors (lib/fulfilment/engine/connectors/sql).
  "db_unreachable",
  "db_auth",
  "db_timeout",
  "db_busy",
  "db_constraint",
  "db_denied",
  "db_error",
  "dataset_mismatch",
  "identity_ambiguous",
  "access_only",
  "not_supported",
  "correction_field",
  "correction_rows",
  // EMAIL connectors: the mail transport did not answer or refused the login (connection test).
  "mail_unreachable",
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

export class TaskFailure extends Error {
  constructor(
    readonly code: FailureCode,
    /** Whether another attempt might succeed (timeouts, 5xx); a bad answer will not change. */
    readonly retryable: boolean,
    readonly detail?: string,
  ) {
    super(detail ? `${code}:${detail}` : code);
    this.name = "TaskFailure";
  }

  /** The stored lastError: "code" or "code:detail". */
  get reason(): string {
    return this.message;
  }
}

/** Splits a stored lastError back into its code and detail, for display. */
export function readFailure(
  lastError: string | null,
): { code: FailureCode; detail: string } | null {
  if (!lastError) return null;
  const [code = "", ...rest] = lastError.split(":");
  const known = (FAILURE_CODES as readonly string[]).includes(code);
  return {
    code: known ? (code as FailureCode) : "internal_error",
    detail: known ? rest.join(":") : "",
  };
}
