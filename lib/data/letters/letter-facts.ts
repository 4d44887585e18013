import type { Prisma } from "@/lib/generated/prisma/client";
import type { LetterFacts } from "@/lib/letters/letters";

// What a request's letters are made from (lib/letters/letters.ts), as one select: the request
// page reads it with the rest of the request (lib/data/requests/get-request.ts) and lists the
// letters without a query of its own; opening a letter reads it alone (open-letter.ts).
export const LETTER_FACTS_SELECT = {
  reference: true,
  type: true,
  status: true,
  receivedAt: true,
  closedAt: true,
  outcome: true,
  refusalGrounds: true,
  outcomeNote: true,
  // The latest extension only.
  extensions: {
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { jurisdiction: true, reason: true, newDueAt: true, createdAt: true },
  },
  // The latest request for documents again only (not every decision).
  decisions: {
    where: { result: "RESUBMIT" },
    orderBy: { decidedAt: "desc" },
    take: 1,
    select: { reasons: true, decidedAt: true },
  },
} as const satisfies Prisma.RequestSelect;

export type LetterFactsRow = Prisma.RequestGetPayload<{ select: typeof LETTER_FACTS_SELECT }>;

export function letterFactsOf(request: LetterFactsRow): LetterFacts {
  const [extension] = request.extensions;
  const [resubmission] = request.decisions;
  return {
    reference: request.reference,
    type: request.type,
    status: request.status,
    receivedAt: request.receivedAt,
    closedAt: request.closedAt,
    outcome: request.outcome,
    refusalGrounds: request.refusalGrounds,
    outcomeNote: request.outcomeNote,
    extension: extension
      ? {
          jurisdiction: extension.jurisdiction,
          reason: extension.reason,
          newDueAt: extension.newDueAt,
          at: extension.createdAt,
        }
      : null,
    resubmission: resubmission
      ? { reasons: resubmission.reasons, at: resubmission.decidedAt }
      : null,
  };
}
