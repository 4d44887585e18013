import { recomputeDueAt } from "./deadline-rule";
import type { Tx } from "@/lib/db";
import type { Jurisdiction, RequestStatus } from "@/lib/generated/prisma/enums";

import { CLOCK_RESTARTS, FEE_CLOCK_RESTARTS } from "@/lib/deadlines/engine";
import { isOpen } from "@/lib/requests/lifecycle";

// Where the law stops the clock while the organisation waits for the requester (UK GDPR: while
// clarification is awaited; DeadlinePolicy.pauseAllowed), waiting for them is a ClockEvent: PAUSE
// on entering a waiting status, RESUME on leaving it for work. Where the law starts the period
// again when identity it asked for arrives (UK, CLOCK_RESTARTS), leaving AWAITING_IDENTITY is a
// RESTART instead; where it starts again when a fee it asked for arrives (UK, JP, KR:
// FEE_CLOCK_RESTARTS), leaving AWAITING_FEE paid is a FEE_RESTART at the day the fee arrived. The
// due dates are then derived again from the events (lib/deadlines/engine.ts), never edited by hand.

const WAITING: readonly RequestStatus[] = ["AWAITING_IDENTITY", "NEEDS_INFO", "AWAITING_FEE"];

export async function runLegalClock(
  tx: Tx,
  input: {
    requestId: string;
    jurisdictions: Jurisdiction[];
    from: RequestStatus;
    to: RequestStatus;
    reason: string;
    at: Date;
    /** The fee asked for arrived (feeReceived): when, if earlier than `at`. */
    feeReceivedAt?: Date;
  },
): Promise<void> {
  const pausing = !WAITING.includes(input.from) && WAITING.includes(input.to);
  const resuming = WAITING.includes(input.from) && !WAITING.includes(input.to) && isOpen(input.to);
  if (!pausing && !resuming) return;
  const restarts = input.jurisdictions.some((j) => CLOCK_RESTARTS.has(j));
  const feeRestarts = input.jurisdictions.some((j) => FEE_CLOCK_RESTARTS.has(j));
  const fee = input.from === "AWAITING_FEE" || input.to === "AWAITING_FEE";
  const stoppable =
    restarts ||
    (fee && feeRestarts) ||
    (await tx.deadlinePolicy.count({
      where: { jurisdiction: { in: input.jurisdictions }, pauseAllowed: true },
    })) > 0;
  if (!stoppable) return;
  const kind = pausing
    ? "PAUSE"
    : restarts && input.from === "AWAITING_IDENTITY"
      ? "RESTART"
      : feeRestarts && input.reason === "feeReceived"
        ? "FEE_RESTART"
        : "RESUME";
  let at = input.at;
  if (kind === "FEE_RESTART" && input.feeReceivedAt) {
    // The day the fee arrived, but never before the wait began: a restart before its pause
    // would leave the pause open for ever.
    const pause = await tx.clockEvent.findFirst({
      where: { requestId: input.requestId, kind: "PAUSE" },
      orderBy: { at: "desc" },
      select: { at: true },
    });
    at = new Date(Math.max(input.feeReceivedAt.getTime(), (pause?.at.getTime() ?? 0) + 1));
  }
  await tx.clockEvent.create({
    data: { requestId: input.requestId, kind, reason: input.reason, at },
  });
  if (resuming) {
    const due = await recomputeDueAt(tx, input.requestId, { now: input.at });
    await tx.request.update({
      where: { id: input.requestId },
      data: { dueAt: due.dueAt, extendedDueAt: due.extendedDueAt },
    });
  }
}
