"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { confirmNotice } from "@/lib/actions/staff/confirm-notice";
import type { MessageKey } from "@/lib/i18n/translate";
import { ZConfirmNotice, type TConfirmNotice } from "@/lib/validation/notices";

/** Records that a recipient confirmed one of the notices still waiting, and how. */
export function NoticeConfirmForm(props: {
  reference: string;
  waiting: { id: string; label: string }[];
}) {
  const { reference, waiting } = props;
  const { t } = useI18n();
  const router = useRouter();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const [done, setDone] = useState(false);
  const form = useForm<TConfirmNotice>({
    resolver: zodResolver(ZConfirmNotice),
    defaultValues: { reference, noticeId: waiting[0]?.id ?? "", note: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setDone(false);
    setFailure(undefined);
    const result = await confirmNotice(values);
    if (!result.ok) return setFailure({ error: result.error, errorId: result.errorId });
    setDone(true);
    const next = waiting.find((n) => n.id !== values.noticeId);
    form.reset({ reference, noticeId: next?.id ?? "", note: "" });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="notice-confirm-title">
      <h3 id="notice-confirm-title">{t("fulfilment.notices.confirm.title")}</h3>
      <div className="field">
        <label htmlFor="notice-confirm-notice">{t("fulfilment.notices.confirm.notice")}</label>
        <select
          id="notice-confirm-notice"
          {...form.register("noticeId")}
          aria-describedby={errors.noticeId ? "notice-confirm-notice-error" : undefined}
        >
          {waiting.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label}
            </option>
          ))}
        </select>
        <FieldError id="notice-confirm-notice-error" message={errors.noticeId?.message} />
      </div>
      <div className="field">
        <label htmlFor="notice-confirm-note">{t("fulfilment.notices.confirm.note")}</label>
        <textarea
          id="notice-confirm-note"
          rows={2}
          {...form.register("note")}
          aria-describedby={errors.note ? "notice-confirm-note-error" : undefined}
        />
        <FieldError id="notice-confirm-note-error" message={errors.note?.message} />
      </div>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <div aria-live="polite">
        {done && <p className="success">{t("fulfilment.notices.confirm.done")}</p>}
      </div>
      <button type="submit" disabled={isSubmitting}>
        {t("fulfilment.notices.confirm.submit")}
      </button>
    </form>
  );
}
