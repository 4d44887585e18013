"use client";

import { deferUntilUsed } from "@/components/forms/defer-until-used";

// The request wizard's form loads when the person starts to fill it in (first-load budget,
// issue 15; components/forms/defer-until-used.tsx).
export const RequestForm = deferUntilUsed(() =>
  import("./request-form").then((m) => m.RequestForm),
);
