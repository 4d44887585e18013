"use client";

import { deferUntilUsed } from "@/components/forms/defer-until-used";

// The consent questions' code (react-hook-form) loads when the person starts to answer them: the
// person's page stays within the first-load budget (issue 15) whether or not they are shown.
export const NoticeConsentForm = deferUntilUsed(() =>
  import("./notice-consent-form").then((m) => m.NoticeConsentForm),
);
