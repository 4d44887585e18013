"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { findSubjects } from "@/lib/data/requests/find-subjects";
import { ZFindSubject } from "@/lib/validation/queue";

// A POST, not a GET: the email address being looked up stays out of URLs and logs.
export const findSubject = defineAction(
  { name: "findSubject", schema: ZFindSubject, permission: "request:enter" },
  (input, actor) => findSubjects({ actor, email: input.email }),
);
