"use client";

import { get, useFormContext } from "react-hook-form";

import { FieldError } from "@/components/forms/field-error";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/translate";

import type { FormValues } from "./form-values";

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
  const id = idOf(props.name);
  const describedBy =
    [props.help ? `${id}-help` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") ||
    undefined;
  const common = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    ...register(props.name),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{t(props.label)}</label>
      {props.help && (
        <p className="help" id={`${id}-help`}>
          {t(props.help)}
        </p>
      )}
      {props.multiline ? (
        <textarea rows={3} {...common} />
      ) : (
        <input type={props.type ?? "text"} autoComplete={props.autoComplete} {...common} />
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
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
    <fieldset className="field" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t(props.legend)}</legend>
      {props.help && <p className="help">{t(props.help)}</p>}
      {props.options.map((o) => (
        <div key={o.value}>
          <label className="choice">
            <input
              type={props.multiple ? "checkbox" : "radio"}
              value={o.value}
              disabled={o.disabled}
              aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
              {...register(props.name)}
            />{" "}
            {o.label}
          </label>
          {o.hint && (
            <p className="help choice-hint" id={`${id}-${o.value}-hint`}>
              {o.hint}
            </p>
          )}
        </div>
      ))}
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
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
  const id = idOf(props.name);
  return (
    <div className="field">
      <label htmlFor={id}>{t(props.label)}</label>
      <select
        id={id}
        aria-describedby={error ? `${id}-error` : undefined}
        {...register(props.name)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
