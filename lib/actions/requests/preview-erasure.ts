"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { previewErasure as preview } from "@/lib/data/requests/preview-erasure";
import { ZErasurePreview } from "@/lib/validation/requests";

export const previewErasure = defineAction(
  { name: "previewErasure", schema: ZErasurePreview, permission: "request:file" },
  (input, actor) => preview({ actor, ...input }),
);
