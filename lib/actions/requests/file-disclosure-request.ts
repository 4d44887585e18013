"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { createDisclosureRequest } from "@/lib/data/requests/create-disclosure-request";
import { ZLocale } from "@/lib/validation/common";
import { ZDisclosureRequest } from "@/lib/validation/requests";

export const fileDisclosureRequest = defineAction(
  {
    name: "fileDisclosureRequest",
    schema: ZDisclosureRequest.and(ZLocale),
    permission: "request:file",
  },
  (input, actor) => createDisclosureRequest({ actor, input, locale: input.locale }),
);
