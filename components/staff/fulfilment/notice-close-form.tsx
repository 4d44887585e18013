"use client";

import { useForm } from "@/components/forms/use-form";
import { SelectField, TextAreaField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { closeNotice } from "@/lib/actions/staff/close-notice";
import type { TCloseNotice } from "@/lib/validation/notices";

/** A manager closes one of the notices still waiting, saying how it was settled. */
export function NoticeCloseForm(props: {
  reference: string;
  waiting: { id: string; label: string }[];
}) {
  const { reference, waiting } = props;
  const { t } = useI18n();
  const form = useForm<TCloseNotice>({
    resolver: lazyResolver(() => import("@/lib/validation/notices").then((m) => m.ZCloseNotice)),
    defaultValues: { reference, noticeId: waiting[0]?.id ?? "", note: "" },
  });
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, closeNotice, {
    saved: "fulfilment.notices.close.done",
    // The next notice still waiting is the one chosen next.
    onSuccess: (_result, values) => {
      const next = waiting.find((n) => n.id !== values.noticeId);
      form.reset({ reference, noticeId: next?.id ?? "", note: "" });
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="notice-close-title">
      <h3 id="notice-close-title">{t("fulfilment.notices.close.title")}</h3>
      <SelectField
        id="notice-close-notice"
        label={t("fulfilment.notices.close.notice")}
        error={errors.noticeId?.message}
        registration={form.register("noticeId")}
      >
        {waiting.map((n) => (
          <option key={n.id} value={n.id}>
            {n.label}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id="notice-close-note"
        label={t("fulfilment.notices.close.note")}
        rows={2}
        error={errors.note?.message}
        registration={form.register("note")}
      />
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("fulfilment.notices.close.submit")}</SubmitButton>
    </form>
  );
}
