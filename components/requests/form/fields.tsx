"use client";

import { get, useFormContext } from "react-hook-form";

import {
  Choice,
  ChoiceGroup,
  SelectField,
  TextAreaField,
  TextField as InputField,
} from "@/components/forms/field";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/translate";

import type { FormValues } from "./form-values";

// The request wizard's fields by name (shared with the staff's entry form): each finds its
// registration and error in the form context and renders through the shared field layer
// (components/forms/field), its id being the name with dots as dashes.

type Name = Parameters<ReturnType<typeof useFormContext<FormValues>>["register"]>[0];

const idOf = (name: string) => name.replace(/\./g, "-");

/** The error message (a catalogue key) for a field, if any. */
export function useFieldError(name: string): string | undefined {
  const { formState } = useFormContext<FormValues>();
  const value: unknown = get(formState.errors, name);
  return (value as { message?: string } | undefined)?.message;
}

export function TextField(props: {
  name: Name;
  label: MessageKey;
  type?: "text" | "date";
  help?: MessageKey;
  autoComplete?: string;
  multiline?: boolean;
}) {
  const { t } = useI18n();
  const { register } = useFormContext<FormValues>();
  const error = useFieldError(props.name);
  const field = {
    id: idOf(props.name),
    label: t(props.label),
    hint: props.help ? t(props.help) : undefined,
    error,
    registration: register(props.name),
  };
  return props.multiline ? (
    <TextAreaField {...field} />
  ) : (
    <InputField type={props.type ?? "text"} autoComplete={props.autoComplete} {...field} />
  );
}

export function Choices(props: {
  name: Name;
  legend: MessageKey;
  options: { value: string; label: string; disabled?: boolean; hint?: string }[];
  multiple?: boolean;
  help?: MessageKey;
}) {
  const { t } = useI18n();
  const { register } = useFormContext<FormValues>();
  const error = useFieldError(props.name);
  const id = idOf(props.name);
  return (
    <ChoiceGroup
      id={id}
      legend={t(props.legend)}
      hint={props.help ? t(props.help) : undefined}
      error={error}
    >
      {props.options.map((o) => (
        <Choice
          key={o.value}
          // The id names the hint under a greyed-out choice: `${id}-note`.
          id={`${id}-${o.value}`}
          type={props.multiple ? "checkbox" : "radio"}
          value={o.value}
          disabled={o.disabled}
          label={o.label}
          note={o.hint}
          aria-invalid={error ? true : undefined}
          registration={register(props.name)}
        />
      ))}
    </ChoiceGroup>
  );
}

export function Select(props: {
  name: Name;
  label: MessageKey;
  options: { value: string; label: string }[];
}) {
  const { t } = useI18n();
  const { register } = useFormContext<FormValues>();
  const error = useFieldError(props.name);
  return (
    <SelectField
      id={idOf(props.name)}
      label={t(props.label)}
      error={error}
      registration={register(props.name)}
    >
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );
}
