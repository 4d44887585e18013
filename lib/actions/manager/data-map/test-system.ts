"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { testSystem as test } from "@/lib/data/data-map/config/test-system";
import { ZConfigId } from "@/lib/validation/data-map-config";

export const testSystem = defineAction(
  { name: "testSystem", schema: ZConfigId, permission: "data-map:configure" },
  async (input, actor) => test({ actor, id: input.id }),
);
