"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { saveSqlDataset as save } from "@/lib/data/data-map/config/sql-dataset";
import { ZSqlDatasetForm } from "@/lib/validation/sql-dataset";

// The connection URL travels in this action's body only: never in a URL, a log line or the audit.
export const saveSqlDataset = defineAction(
  { name: "saveSqlDataset", schema: ZSqlDatasetForm, permission: "data-map:configure" },
  async (input, actor) => save({ actor, input }),
);
