"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { closeNotice } from "@/lib/actions/staff/close-notice";
import type { MessageKey } from "@/lib/i18n/translate";
import type { TCloseNotice } from "@/lib/validation/notices";

/** A manager closes one of the notices still waiting, saying how it was settled. */
export function NoticeCloseForm(props: {
  reference: string;
  waiting: { id: string; label: string }[];
}) {
  const { reference, waiting } = props;
  const { t } = useI18n();
  const router = useRouter();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const [done, setDone] = useState(false);
  const form = useForm<TCloseNotice>({
    resolver: lazyResolver(() => import("@/lib/validation/notices").then((m) => m.ZCloseNotice)),
    defaultValues: { reference, noticeId: waiting[0]?.id ?? "", note: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setDone(false);
    setFailure(undefined);
    const result = await closeNotice(values);
    if (!result.ok) return setFailure({ error: result.error, errorId: result.errorId });
    setDone(true);
    const next = waiting.find((n) => n.id !== values.noticeId);
    form.reset({ reference, noticeId: next?.id ?? "", note: "" });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="notice-close-title">
      <h3 id="notice-close-title">{t("fulfilment.notices.close.title")}</h3>
      <div className="field">
        <label htmlFor="notice-close-notice">{t("fulfilment.notices.close.notice")}</label>
        <select
          id="notice-close-notice"
          {...form.register("noticeId")}
          aria-describedby={errors.noticeId ? "notice-close-notice-error" : undefined}
        >
          {waiting.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label}
            </option>
          ))}
        </select>
        <FieldError id="notice-close-notice-error" message={errors.noticeId?.message} />
      </div>
      <div className="field">
        <label htmlFor="notice-close-note">{t("fulfilment.notices.close.note")}</label>
        <textarea
          id="notice-close-note"
          rows={2}
          {...form.register("note")}
          aria-describedby={errors.note ? "notice-close-note-error" : undefined}
        />
        <FieldError id="notice-close-note-error" message={errors.note?.message} />
      </div>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <div aria-live="polite">
        {done && <p className="success">{t("fulfilment.notices.close.done")}</p>}
      </div>
      <button type="submit" disabled={isSubmitting}>
        {t("fulfilment.notices.close.submit")}
      </button>
    </form>
  );
}
