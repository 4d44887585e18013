"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { sendMessage } from "@/lib/actions/messages/send-message";
import type { MessageKey } from "@/lib/i18n/translate";
import type { TSendMessage } from "@/lib/validation/requests";

/**
 * Requesters reply; staff write to the requester (optionally asking for more) or note internally.
 * `initialBody` starts the text from a template (staff; remount with a new key to refill it).
 */
export function MessageForm({
  reference,
  staff,
  initialBody,
}: {
  reference: string;
  staff: boolean;
  initialBody?: string;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [state, setState] = useState<{ sent?: boolean; error?: MessageKey; errorId?: string }>({});
  const form = useForm<TSendMessage>({
    resolver: lazyResolver(() => import("@/lib/validation/requests").then((m) => m.ZSendMessage)),
    defaultValues: {
      reference,
      kind: staff ? "TO_REQUESTER" : "REPLY",
      body: initialBody ?? "",
      askForInfo: false,
    },
  });
  const error = form.formState.errors.body?.message;
  const kind = form.watch("kind");

  const [fileError, setFileError] = useState<string>();

  const onSubmit = form.handleSubmit(async (values) => {
    const data = new FormData();
    data.set("reference", values.reference);
    data.set("kind", values.kind);
    data.set("body", values.body);
    data.set("askForInfo", String(values.kind === "TO_REQUESTER" && values.askForInfo));
    const fileInput = document.getElementById("message-file") as HTMLInputElement | null;
    const file = fileInput?.files?.[0];
    if (file) data.set("file", file);
    setFileError(undefined);
    const result = await sendMessage(data);
    if (!result.ok) {
      setFileError(result.fieldErrors?.file);
      return setState({ error: result.error, errorId: result.errorId });
    }
    form.reset({ reference, kind: values.kind, body: "", askForInfo: false });
    if (fileInput) fileInput.value = "";
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
      <div className="field">
        <label htmlFor="message-file">{t("messages.attachment")}</label>
        <p className="help" id="message-file-help">
          {t("messages.attachmentHelp")}
        </p>
        <input
          id="message-file"
          type="file"
          accept="image/jpeg,image/png,image/webp,application/pdf"
          aria-describedby={
            fileError ? "message-file-help message-file-error" : "message-file-help"
          }
        />
        <FieldError id="message-file-error" message={fileError} />
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
