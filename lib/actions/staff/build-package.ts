"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { buildPackage as build } from "@/lib/data/packages/build-package";
import { ZBuildPackage } from "@/lib/validation/packages";

export const buildPackage = defineAction(
  { name: "buildPackage", schema: ZBuildPackage, permission: "request:fulfil" },
  (input, actor) => build({ actor, input }),
);
