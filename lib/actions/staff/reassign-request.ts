"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { assignRequest } from "@/lib/data/requests/assign-request";
import { ZReassignRequest } from "@/lib/validation/queue";

export const reassignRequest = defineAction(
  { name: "reassignRequest", schema: ZReassignRequest, permission: "request:assign" },
  (input, actor) =>
    assignRequest({
      actor,
      input: {
        mode: "reassign",
        reference: input.reference,
        assigneeId: input.assigneeId,
        expectedAssigneeId: input.expectedAssigneeId || null,
      },
    }),
);
