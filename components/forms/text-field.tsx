"use client";

import type { InputHTMLAttributes } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

import { FieldError } from "./field-error";

/**
 * One labelled input of a react-hook-form form: label (with the required mark), hint, the error
 * the shared zod schema gave (translated), and the ARIA that ties them together.
 */
export function TextField(
  props: {
    id: string;
    label: string;
    help?: string;
    error?: string;
    required?: boolean;
    registration: UseFormRegisterReturn;
  } & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "required">,
) {
  const { id, label, help, error, required, registration, ...input } = props;
  const describedBy = [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className="field" data-required={required ? "true" : undefined}>
      <label htmlFor={id}>{label}</label>
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      <input
        id={id}
        type="text"
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
        {...registration}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
