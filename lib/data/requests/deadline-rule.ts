import "server-only";

import type { Tx } from "@/lib/db";
import { earliestDeadline, type DeadlineRule } from "@/lib/deadlines/compute";
import type { RequestType } from "@/lib/generated/prisma/enums";

async function jpDeadlineRule(tx: Tx, type: RequestType): Promise<DeadlineRule> {
  const policies = await tx.deadlinePolicy.findMany({
    where: { jurisdiction: "JP", OR: [{ requestType: type }, { requestType: null }] },
  });
  // A rule for the type beats the jurisdiction's default; with none configured, the 10-day SLA.
  const policy = policies.find((p) => p.requestType === type) ?? policies[0];
  return policy
    ? { amount: policy.amount, unit: policy.unit }
    : { amount: 10, unit: "CALENDAR_DAYS" as const };
}

/**
 * A new request's due date from its arrival, by the JP rule in DeadlinePolicy. Shared by requests
 * filed on the web (create-request.ts) and those staff enter (enter-request.ts), so both count
 * the same way from the moment the request reached the organisation.
 */
export async function dueAtFor(tx: Tx, type: RequestType, receivedAt: Date): Promise<Date> {
  return earliestDeadline(receivedAt, [await jpDeadlineRule(tx, type)]);
}
