import type { TaskResult } from "@/lib/fulfilment/engine/types";
import { readFailure } from "@/lib/fulfilment/engine/failure";
import type { Translate } from "@/lib/i18n/translate";
import { DECLINE_REASONS } from "@/lib/validation/choices";

// Short texts for the tasks table: what a task's result amounts to, and why it failed.

export function summariseResult(result: unknown, t: Translate): string {
  if (!result || typeof result !== "object") return t("fulfilment.tasks.result.none");
  const r = result as TaskResult;
  const count = r.itemCount ?? r.items?.length;
  const parts = [
    count !== undefined ? t("fulfilment.tasks.result.items", { count }) : null,
    r.changes ? t("fulfilment.tasks.result.changes", { count: r.changes.length }) : null,
    r.erased !== undefined ? t("fulfilment.tasks.result.erased", { count: r.erased }) : null,
    r.kept?.length ? t("fulfilment.tasks.result.kept", { count: r.kept.length }) : null,
    r.restrictions !== undefined
      ? t("fulfilment.tasks.result.restrictions", { count: r.restrictions })
      : null,
    r.noticesSent ? t("fulfilment.tasks.result.notices", { count: r.noticesSent }) : null,
    r.note ? t("fulfilment.tasks.result.note", { note: r.note }) : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(" / ") : t("fulfilment.tasks.result.none");
}

/** The failure codes whose text already shows the detail (an HTTP status). */
const DETAIL_IN_TEXT = new Set([
  "http_status",
  "unexpected_status",
  "db_constraint",
  "db_denied",
  "db_error",
  "dataset_mismatch",
  "identity_ambiguous",
  "correction_field",
  "correction_rows",
]);

const DECLINED = new Set<string>(DECLINE_REASONS);

const PROBLEM_KINDS = new Set([
  "noTable",
  "noColumn",
  "notNullable",
  "hashTooShort",
  "maskTooLong",
  "ambiguous",
]);

/** A dataset problem stored as "table.column kind [size]" (connectors/sql/schema.ts), in words. */
function problemWords(detail: string, t: Translate): string {
  const [at = "", kind = "", size = ""] = detail.split(" ");
  return PROBLEM_KINDS.has(kind)
    ? t(`fulfilment.tasks.problem.${kind as "noTable"}`, { at, size })
    : detail;
}

export function describeFailure(lastError: string | null, t: Translate): string | null {
  const failure = readFailure(lastError);
  if (!failure) return null;
  // The recipient of an EMAIL task said why they cannot do it (lib/validation/system-task.ts).
  if (failure.code === "system_failed" && DECLINED.has(failure.detail))
    return t(`fulfilment.tasks.declined.${failure.detail as "not_found"}`);
  const detail =
    failure.code === "dataset_mismatch" ? problemWords(failure.detail, t) : failure.detail;
  const text = t(`fulfilment.tasks.failure.${failure.code}`, { detail });
  // A system's own reason code (system_failed) is shown beside the text.
  return failure.detail && !DETAIL_IN_TEXT.has(failure.code) ? `${text} (${failure.detail})` : text;
}
