import type { ConnectorKind, FulfilmentAction, RequestType } from "@/lib/generated/prisma/enums";

// The contract between the fulfilment engine (fan-out, jobs, connectors) and what each action
// does to the portal's own records (lib/fulfilment/engine/internal). Stored as
// FulfilmentTask.result (JSON) and read by the package builder (lib/fulfilment/package).

/** One personal-data item a system returned for a disclosure. */
export interface ExportedItem {
  /** PersonalDataItem id for the portal's own records; "<systemKey>:<field>" otherwise. */
  ref: string;
  categoryKey: string;
  field: string;
  value: string;
  source?: string;
  sourceNote?: string;
  collectedAt?: string;
}

/** One corrected value: before and after, as applied. */
export interface AppliedChange {
  ref: string;
  field: string;
  action: "CORRECT" | "ADD" | "DELETE";
  before: string | null;
  after: string | null;
  categoryKey?: string;
  /** A retried task found this change already made: reported again, not applied twice. */
  alreadyApplied?: boolean;
}

/** An item kept despite an erasure request, and why (legal hold, retention duty). */
export interface KeptItem {
  ref: string;
  field: string;
  /** In the request's language; `reasonCode` lets a reader of another language re-word it. */
  reason: string;
  categoryKey?: string;
  reasonCode?: "LEGAL_HOLD" | "RETENTION" | "NOT_SUSPENDABLE";
  /** RETENTION: the end of the duty (ISO date-time). */
  retainUntil?: string;
}

export interface TaskResult {
  /** EXPORT from a non-INTERNAL system: the items it returned (INTERNAL items are read live). */
  items?: ExportedItem[];
  itemCount?: number;
  changes?: AppliedChange[];
  erased?: number;
  kept?: KeptItem[];
  restrictions?: number;
  /** Recipients that received the affected data and were sent an onward notice. */
  noticesSent?: number;
  note?: string;
}

export interface TaskContext {
  task: { id: string; action: FulfilmentAction; attempts: number };
  request: {
    id: string;
    reference: string;
    type: RequestType;
    subjectId: string;
    details: unknown;
  };
  system: { id: string; key: string; connector: ConnectorKind; config: unknown };
  /** Who started the run, when a person did (a retry from the page); the job itself otherwise. */
  actor?: { userId: string; role: string; ip: string | null };
}
