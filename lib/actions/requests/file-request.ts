"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { createRequest } from "@/lib/data/requests/create-request";
import { ZFileRequest } from "@/lib/validation/requests";

export const fileRequest = defineAction(
  { name: "fileRequest", schema: ZFileRequest, permission: "request:file" },
  (input, actor) => createRequest({ actor, input, locale: input.locale }),
);
