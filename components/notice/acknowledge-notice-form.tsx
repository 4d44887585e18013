"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";

import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useI18n } from "@/components/i18n/i18n-provider";
import { toast } from "@/components/ui/toast";
import { acknowledgeNotice } from "@/lib/actions/privacy/acknowledge-notice";
import type { MessageKey } from "@/lib/i18n/translate";

/**
 * "I have read it" under the card of notice changes: moves the person's marker to the version the
 * card showed, then refreshes the page, on which the card is gone. Pending until the refresh has
 * landed, so the button cannot be pressed twice.
 */
export function AcknowledgeNoticeForm({ version }: { version: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    startTransition(async () => {
      const result = await acknowledgeNotice({ version });
      if (!result.ok) {
        setFailure({ error: result.error, errorId: result.errorId });
        return;
      }
      toast(t("noticeVersions.me.acknowledged"));
      router.refresh();
    });
  };

  return (
    <form onSubmit={onSubmit} aria-label={t("noticeVersions.me.acknowledge")}>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <SubmitButton pending={pending} pendingLabel={t("noticeVersions.me.acknowledging")}>
        {t("noticeVersions.me.acknowledge")}
      </SubmitButton>
    </form>
  );
}
