"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { requestResubmission as request } from "@/lib/data/identity/request-resubmission";
import { ZRequestResubmission } from "@/lib/validation/identity-review";

export const requestResubmission = defineAction(
  {
    name: "requestResubmission",
    schema: ZRequestResubmission,
    permission: "request:verify-identity",
  },
  (input, actor) => request({ actor, input }),
);
