"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { proposeExtension } from "@/lib/actions/staff/propose-extension";
import type { Jurisdiction } from "@/lib/generated/prisma/enums";
import type { MessageKey } from "@/lib/i18n/translate";
import { EXTENSION_DUE_CHOICES } from "@/lib/validation/choices";
import type { TProposeExtension } from "@/lib/validation/extensions";

export interface ExtensionFormLabels {
  jurisdiction: string;
  reason: string;
  dueChoice: string;
  maximum: string;
  specificDate: string;
  newDueDate: string;
  submit: string;
  submitting: string;
}

const FIELDS = ["jurisdiction", "reason", "dueChoice", "newDueDate"] as const;

/** Staff propose a deadline extension with the reason the requester will read; a manager approves. */
export function ExtensionForm(props: {
  reference: string;
  /** The jurisdictions whose law allows an extension, with their labels. */
  jurisdictions: { value: Jurisdiction; label: string }[];
  /** The form's texts, translated by the server (extensions section). */
  labels: ExtensionFormLabels;
}) {
  const { reference, jurisdictions, labels } = props;
  const router = useRouter();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const form = useForm<TProposeExtension>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/extensions").then((m) => m.ZProposeExtension),
    ),
    defaultValues: {
      reference,
      jurisdiction: jurisdictions[0]?.value,
      reason: "",
      dueChoice: "MAXIMUM",
      newDueDate: "",
    },
  });
  const { errors, isSubmitting } = form.formState;
  const dueChoice = form.watch("dueChoice");

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(undefined);
    const result = await proposeExtension(values);
    if (result.ok) return router.refresh();
    let onField = false;
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      const name = FIELDS.find((f) => f === field);
      if (name) {
        form.setError(name, { message });
        onField = true;
      }
    }
    if (!onField) setFailure({ error: result.error, errorId: result.errorId });
  });

  const describe = (field: (typeof FIELDS)[number]) =>
    errors[field] ? { "aria-invalid": true, "aria-describedby": `extension-${field}-error` } : {};
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="extension-title"
      data-testid="extension-form"
    >
      <div className="field">
        <label htmlFor="extension-jurisdiction">{labels.jurisdiction}</label>
        <select
          id="extension-jurisdiction"
          {...describe("jurisdiction")}
          {...form.register("jurisdiction")}
        >
          {jurisdictions.map((j) => (
            <option key={j.value} value={j.value}>
              {j.label}
            </option>
          ))}
        </select>
        <FieldError id="extension-jurisdiction-error" message={errors.jurisdiction?.message} />
      </div>
      <div className="field">
        <label htmlFor="extension-reason">{labels.reason}</label>
        <textarea
          id="extension-reason"
          rows={3}
          {...describe("reason")}
          {...form.register("reason")}
        />
        <FieldError id="extension-reason-error" message={errors.reason?.message} />
      </div>
      <fieldset className="field">
        <legend>{labels.dueChoice}</legend>
        {EXTENSION_DUE_CHOICES.map((c) => (
          <label className="choice" key={c}>
            <input type="radio" value={c} {...form.register("dueChoice")} />{" "}
            {c === "MAXIMUM" ? labels.maximum : labels.specificDate}
          </label>
        ))}
      </fieldset>
      {dueChoice === "DATE" && (
        <div className="field">
          <label htmlFor="extension-newDueDate">{labels.newDueDate}</label>
          <input
            id="extension-newDueDate"
            type="date"
            {...describe("newDueDate")}
            {...form.register("newDueDate")}
          />
        </div>
      )}
      <FieldError id="extension-newDueDate-error" message={errors.newDueDate?.message} />
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
