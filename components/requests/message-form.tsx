"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { sendMessage } from "@/lib/actions/messages/send-message";
import type { MessageKey } from "@/lib/i18n/translate";
import { ZSendMessage, type TSendMessage } from "@/lib/validation/requests";

/** Requesters reply; staff write to the requester (optionally asking for more) or note internally. */
export function MessageForm({ reference, staff }: { reference: string; staff: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const [state, setState] = useState<{ sent?: boolean; error?: MessageKey; errorId?: string }>({});
  const form = useForm<TSendMessage>({
    resolver: zodResolver(ZSendMessage),
    defaultValues: {
      reference,
      kind: staff ? "TO_REQUESTER" : "REPLY",
      body: "",
      askForInfo: false,
    },
  });
  const error = form.formState.errors.body?.message;
  const kind = form.watch("kind");

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await sendMessage({
      ...values,
      askForInfo: values.kind === "TO_REQUESTER" && values.askForInfo,
    });
    if (!result.ok) return setState({ error: result.error, errorId: result.errorId });
    form.reset({ reference, kind: values.kind, body: "", askForInfo: false });
    setState({ sent: true });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="panel">
      {staff && (
        <div className="field">
          <label htmlFor="message-kind">{t("messages.kind")}</label>
          <select id="message-kind" {...form.register("kind")}>
            <option value="TO_REQUESTER">{t("messages.kindTO_REQUESTER")}</option>
            <option value="INTERNAL_NOTE">{t("messages.kindINTERNAL_NOTE")}</option>
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="message-body">{t("messages.body")}</label>
        <textarea
          id="message-body"
          rows={4}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "message-body-error" : undefined}
          {...form.register("body")}
        />
        <FieldError id="message-body-error" message={error} />
      </div>
      {staff && kind === "TO_REQUESTER" && (
        <label className="choice">
          <input type="checkbox" {...form.register("askForInfo")} /> {t("messages.askForInfo")}
        </label>
      )}
      <div aria-live="polite">{state.sent && <p className="success">{t("messages.sent")}</p>}</div>
      <FormAlert error={state.error} errorId={state.errorId} />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t("messages.send")}
      </button>
    </form>
  );
}
