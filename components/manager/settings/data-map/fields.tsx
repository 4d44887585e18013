"use client";

import type { FieldValues, Path, UseFormRegisterReturn, UseFormReturn } from "react-hook-form";

import { FieldError } from "@/components/forms/field-error";

// The pieces the data-map forms share: a labelled text control with its help and error text
// announced through aria-describedby, and the server's field errors put on the form.

export function TextField(props: {
  id: string;
  label: string;
  help?: string;
  error?: string;
  multiline?: boolean;
  type?: "text" | "url" | "number";
  registration: UseFormRegisterReturn;
}) {
  const { id, label, help, error, registration } = props;
  const describedBy =
    [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") ||
    undefined;
  const common = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    ...registration,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      {props.multiline ? (
        <textarea rows={3} {...common} />
      ) : (
        <input type={props.type ?? "text"} autoComplete="off" {...common} />
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** Puts the server's field errors (catalogue keys, by form path) on the form. */
export function showFieldErrors<T extends FieldValues>(
  form: UseFormReturn<T>,
  fieldErrors: Record<string, string> | undefined,
) {
  for (const [field, message] of Object.entries(fieldErrors ?? {}))
    form.setError(field as Path<T>, { message });
}
