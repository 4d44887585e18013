"use client";

import { useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
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
  const { errors, isSubmitting } = form.formState;
  const { state, onSubmit } = useActionForm(form, ["channel"], recordAcknowledgement);
  return (
    <form onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="ack-channel">{t("queue.ack.channel")}</label>
        <select
          id="ack-channel"
          defaultValue=""
          aria-invalid={errors.channel ? true : undefined}
          aria-describedby={errors.channel ? "ack-channel-error" : undefined}
          {...form.register("channel")}
        >
          <option value="" disabled>
            {t("queue.ack.chooseChannel")}
          </option>
          {ACK_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channel.${c}`)}
            </option>
          ))}
        </select>
        <FieldError id="ack-channel-error" message={errors.channel?.message} />
      </div>
      <FormAlert error={state.error} errorId={state.errorId} />
      <button type="submit" disabled={isSubmitting}>
        {t("queue.ack.submit")}
      </button>
    </form>
  );
}
