"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { answerNoticeConsent as answer } from "@/lib/data/privacy-signals/notice-consent";
import { ZNoticeConsent } from "@/lib/validation/common";

// The person's answers to the notice changes that need their consent (components/notice/
// notice-consent-form.tsx): consents recorded, declined uses stopped, the notice marked seen.
export const answerNoticeConsent = defineAction(
  { name: "answerNoticeConsent", schema: ZNoticeConsent, permission: "privacy-signal:own" },
  async (input, actor) => answer({ actor, input }),
);
