"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { testSqlSystem as test } from "@/lib/data/data-map/config/sql-dataset";
import { ZConfigId } from "@/lib/validation/data-map-config";

export const testSqlSystem = defineAction(
  { name: "testSqlSystem", schema: ZConfigId, permission: "data-map:configure" },
  async (input, actor) => test({ actor, id: input.id }),
);
