"use client";

import { useFormContext } from "react-hook-form";

import { useI18n } from "@/components/i18n/i18n-provider";
import { DISCLOSURE_METHODS, REPLY_METHODS } from "@/lib/validation/choices";

import { Select, TextField } from "./fields";
import type { FormValues } from "./form-values";

/** How the answer is delivered; a postal address when it goes by post. */
export function DeliveryFields({ reply = false }: { reply?: boolean }) {
  const { t } = useI18n();
  const method = useFormContext<FormValues>().watch("details.method");
  const options = reply
    ? REPLY_METHODS.map((m) => ({ value: m, label: t(`requestForm.reply${m}`) }))
    : DISCLOSURE_METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }));
  return (
    <>
      <Select
        name="details.method"
        label={reply ? "requestForm.replyMethod" : "requestForm.method"}
        options={options}
      />
      {method === "PAPER" && (
        <TextField
          name="details.postalAddress"
          label="requestForm.postalAddress"
          autoComplete="street-address"
        />
      )}
    </>
  );
}
