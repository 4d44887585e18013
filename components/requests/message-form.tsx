"use client";

import { useState } from "react";

import { useForm } from "@/components/forms/use-form";
import { Choice, SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { sendMessage } from "@/lib/actions/messages/send-message";
import type { TSendMessage } from "@/lib/validation/requests";

const fileInput = () => document.getElementById("message-file") as HTMLInputElement | null;

/**
 * Requesters reply; staff write to the requester (optionally asking for more) or note internally.
 * `initialBody` starts the text from a template (staff; remount with a new key to refill it).
 * The message travels as form data so that a file can go with it.
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

  const { failure, onSubmit, pending } = useActionForm(
    form,
    (values) => {
      const data = new FormData();
      data.set("reference", values.reference);
      data.set("kind", values.kind);
      data.set("body", values.body);
      data.set("askForInfo", String(values.kind === "TO_REQUESTER" && values.askForInfo));
      const file = fileInput()?.files?.[0];
      if (file) data.set("file", file);
      setFileError(undefined);
      return sendMessage(data);
    },
    {
      saved: "messages.sent",
      // The file is no field of the form: its error is kept beside the file input here.
      fields: ["body"],
      onSuccess: (_, values) => {
        form.reset({ reference, kind: values.kind, body: "", askForInfo: false });
        const input = fileInput();
        if (input) input.value = "";
      },
      onFailure: (result) => setFileError(result.fieldErrors?.file),
    },
  );

  return (
    <form onSubmit={onSubmit} noValidate className="panel">
      {staff && (
        <SelectField
          id="message-kind"
          label={t("messages.kind")}
          registration={form.register("kind")}
        >
          <option value="TO_REQUESTER">{t("messages.kindTO_REQUESTER")}</option>
          <option value="INTERNAL_NOTE">{t("messages.kindINTERNAL_NOTE")}</option>
        </SelectField>
      )}
      <TextAreaField
        id="message-body"
        label={t("messages.body")}
        rows={4}
        error={error}
        registration={form.register("body")}
      />
      <TextField
        id="message-file"
        label={t("messages.attachment")}
        hint={t("messages.attachmentHelp")}
        type="file"
        accept="image/jpeg,image/png,image/webp,application/pdf"
        error={fileError}
      />
      {staff && kind === "TO_REQUESTER" && (
        <Choice
          type="checkbox"
          label={t("messages.askForInfo")}
          registration={form.register("askForInfo")}
        />
      )}
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("messages.send")}</SubmitButton>
    </form>
  );
}
