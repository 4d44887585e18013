"use client";

import { useForm } from "@/components/forms/use-form";
import {
  Choice,
  ChoiceGroup,
  SelectField,
  TextAreaField,
  TextField,
} from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { proposeExtension } from "@/lib/actions/staff/propose-extension";
import type { Jurisdiction } from "@/lib/generated/prisma/enums";
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
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, proposeExtension, { fields: FIELDS });
  const dueChoice = form.watch("dueChoice");
  // A refusal the server pins on a field is said there alone, not again above the button.
  const onField = FIELDS.some((field) => errors[field]);

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="extension-title"
      data-testid="extension-form"
    >
      <SelectField
        id="extension-jurisdiction"
        label={labels.jurisdiction}
        error={errors.jurisdiction?.message}
        registration={form.register("jurisdiction")}
      >
        {jurisdictions.map((j) => (
          <option key={j.value} value={j.value}>
            {j.label}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id="extension-reason"
        label={labels.reason}
        error={errors.reason?.message}
        registration={form.register("reason")}
      />
      <ChoiceGroup
        id="extension-dueChoice"
        legend={labels.dueChoice}
        error={errors.dueChoice?.message}
      >
        {EXTENSION_DUE_CHOICES.map((c) => (
          <Choice
            key={c}
            type="radio"
            value={c}
            label={c === "MAXIMUM" ? labels.maximum : labels.specificDate}
            registration={form.register("dueChoice")}
          />
        ))}
      </ChoiceGroup>
      {dueChoice === "DATE" && (
        <TextField
          id="extension-newDueDate"
          type="date"
          label={labels.newDueDate}
          error={errors.newDueDate?.message}
          registration={form.register("newDueDate")}
        />
      )}
      <FormAlert
        error={onField ? undefined : failure.error}
        errorId={onField ? undefined : failure.errorId}
      />
      <SubmitButton pending={pending} pendingLabel={labels.submitting}>
        {labels.submit}
      </SubmitButton>
    </form>
  );
}
