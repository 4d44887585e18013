"use client";

import { Choice, ChoiceGroup } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useForm } from "@/components/forms/use-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { answerNoticeConsent } from "@/lib/actions/privacy/answer-notice-consent";
import type { Locale } from "@/lib/i18n/config";
import type { Localised } from "@/lib/notice/types";
import type { TNoticeConsent } from "@/lib/validation/common";

export interface ConsentQuestion {
  element: "purposes" | "recipients";
  key: string;
  name: Localised;
}

/**
 * The consent step under the card of notice changes: for each new purpose or third party, "I
 * consent" or "I do not" (which stops that use or provision); one submit records every answer
 * and marks the notice read. Every question must be answered (the shared schema says so beside
 * the one left open).
 */
export function NoticeConsentForm(props: {
  version: number;
  questions: ConsentQuestion[];
  locale: Locale;
}) {
  const { version, questions, locale } = props;
  const { t } = useI18n();
  const form = useForm<TNoticeConsent>({
    resolver: lazyResolver(() => import("@/lib/validation/common").then((m) => m.ZNoticeConsent)),
    defaultValues: {
      version,
      answers: questions.map((q) => ({
        element: q.element,
        key: q.key,
        choice: undefined as unknown as "yes",
      })),
    },
  });
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, answerNoticeConsent, {
    saved: "noticeVersions.me.answered",
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="notice-consent-title">
      <h3 id="notice-consent-title">{t("noticeVersions.me.consentTitle")}</h3>
      {questions.map((q, i) => {
        const name = q.name[locale] || q.name.ja;
        const purpose = q.element === "purposes";
        return (
          <ChoiceGroup
            key={`${q.element}-${q.key}`}
            id={`notice-consent-${i}`}
            legend={t(
              purpose ? "noticeVersions.me.consentPurpose" : "noticeVersions.me.consentRecipient",
              { name },
            )}
            error={errors.answers?.[i]?.choice?.message}
            required
          >
            <Choice
              type="radio"
              value="yes"
              label={t("noticeVersions.me.consentYes")}
              registration={form.register(`answers.${i}.choice`)}
            />
            <Choice
              type="radio"
              value="no"
              label={t(
                purpose
                  ? "noticeVersions.me.consentNoPurpose"
                  : "noticeVersions.me.consentNoRecipient",
              )}
              registration={form.register(`answers.${i}.choice`)}
            />
          </ChoiceGroup>
        );
      })}
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("noticeVersions.me.answer")}</SubmitButton>
    </form>
  );
}
