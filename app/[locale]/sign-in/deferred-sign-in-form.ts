"use client";

import { deferUntilUsed } from "@/components/forms/defer-until-used";

// The sign-in form's code loads when someone starts to use it (first-load budget, issue 15).
export const SignInForm = deferUntilUsed(() => import("./sign-in-form").then((m) => m.SignInForm));
