import type { MessageKey } from "@/lib/i18n/translate";

// Expected failures carry a catalogue key the UI translates; anything else is unexpected and is
// logged with an id only (no personal data) and shown generically.
export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "INVALID_INPUT"
  | "CONFLICT"
  | "ILLEGAL_TRANSITION"
  | "APPROVAL_REQUIRED"
  | "SELF_APPROVAL"
  | "RATE_LIMITED"
  | "STEP_UP_REQUIRED";

const DEFAULT_MESSAGES: Record<AppErrorCode, MessageKey> = {
  UNAUTHENTICATED: "errors.unauthenticated",
  FORBIDDEN: "errors.forbidden",
  NOT_FOUND: "errors.notFound",
  INVALID_INPUT: "errors.invalidInput",
  CONFLICT: "errors.conflict",
  ILLEGAL_TRANSITION: "errors.illegalTransition",
  APPROVAL_REQUIRED: "errors.approvalRequired",
  SELF_APPROVAL: "errors.selfApproval",
  RATE_LIMITED: "errors.tooManyRequests",
  STEP_UP_REQUIRED: "errors.stepUpRequired",
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly messageKey: MessageKey;

  /** Field-level messages, by form path, for INVALID_INPUT found after parsing (e.g. unknown keys). */
  readonly fieldErrors?: Record<string, MessageKey>;

  constructor(
    code: AppErrorCode,
    messageKey?: MessageKey,
    fieldErrors?: Record<string, MessageKey>,
  ) {
    super(code);
    this.code = code;
    this.messageKey = messageKey ?? DEFAULT_MESSAGES[code];
    this.fieldErrors = fieldErrors;
  }
}
