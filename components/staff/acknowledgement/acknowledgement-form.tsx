"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { recordAcknowledgement } from "@/lib/actions/staff/record-acknowledgement";
import type { MessageKey } from "@/lib/i18n/translate";
import {
  ACK_CHANNELS,
  ZRecordAcknowledgement,
  type TRecordAcknowledgement,
} from "@/lib/validation/queue";

/** Records how staff told the requester that the request arrived. */
export function AcknowledgementForm({ reference }: { reference: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const form = useForm<TRecordAcknowledgement>({
    resolver: zodResolver(ZRecordAcknowledgement),
    defaultValues: { reference },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(undefined);
    const result = await recordAcknowledgement(values);
    if (result.ok) return router.refresh();
    if (result.fieldErrors?.channel)
      form.setError("channel", { message: result.fieldErrors.channel });
    setFailure({ error: result.error, errorId: result.errorId });
  });
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
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <button type="submit" disabled={isSubmitting}>
        {t("queue.ack.submit")}
      </button>
    </form>
  );
}
