"use client";

import { useForm } from "@/components/forms/use-form";
import { SelectField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { recordAcknowledgement } from "@/lib/actions/staff/record-acknowledgement";
import { ACK_CHANNELS } from "@/lib/validation/choices";
import type { TRecordAcknowledgement } from "@/lib/validation/queue";

/** Records how staff told the requester that the request arrived. */
export function AcknowledgementForm({ reference }: { reference: string }) {
  const { t } = useI18n();
  const form = useForm<TRecordAcknowledgement>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/queue").then((m) => m.ZRecordAcknowledgement),
    ),
    defaultValues: { reference },
  });
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, recordAcknowledgement, {
    fields: ["channel"],
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <SelectField
        id="ack-channel"
        label={t("queue.ack.channel")}
        error={errors.channel?.message}
        defaultValue=""
        registration={form.register("channel")}
      >
        <option value="" disabled>
          {t("queue.ack.chooseChannel")}
        </option>
        {ACK_CHANNELS.map((c) => (
          <option key={c} value={c}>
            {t(`channel.${c}`)}
          </option>
        ))}
      </SelectField>
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("queue.ack.submit")}</SubmitButton>
    </form>
  );
}
