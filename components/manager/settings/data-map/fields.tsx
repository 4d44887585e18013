"use client";

import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormRegisterReturn,
} from "react-hook-form";

import { FieldError } from "@/components/forms/field-error";
import { useActionForm } from "@/components/forms/use-action-form";
import type { MessageKey } from "@/lib/i18n/translate";

// The pieces the data-map forms share: a labelled text control with its help and error text
// announced through aria-describedby, and the form state with its submit.

export function TextField(props: {
  id: string;
  label: string;
  help?: string;
  error?: string;
  multiline?: boolean;
  type?: "text" | "url" | "number" | "email";
  /** A choice instead of free text. */
  options?: readonly { value: string; label: string }[];
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
      {props.options ? (
        <select {...common}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : props.multiline ? (
        <textarea rows={3} {...common} />
      ) : (
        <input type={props.type ?? "text"} autoComplete="off" {...common} />
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

type SaveResult = {
  ok: boolean;
  error?: MessageKey;
  errorId?: string;
  fieldErrors?: Record<string, MessageKey>;
};

/**
 * The state every data-map form shares: the react-hook-form form on the shared schema's resolver,
 * `bind` for a TextField, and the submit through `useActionForm` (server field errors beside their
 * fields; a new entry's form is emptied after it is saved, an edited one keeps its values).
 */
export function useConfigForm<T extends FieldValues & { id?: string }>(options: {
  resolver: Resolver<T>;
  initial?: T;
  empty: T;
  save: (values: T) => Promise<SaveResult>;
}) {
  const { resolver, initial, empty, save } = options;
  const editing = initial?.id !== undefined;
  const form = useForm<T>({ resolver, defaultValues: (initial ?? empty) as DefaultValues<T> });
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  const bind = (name: Path<T>) => ({
    registration: form.register(name),
    error: errors[name]?.message,
  });
  const fields = Object.keys(empty) as Path<T>[];
  const { state, onSubmit } = useActionForm(form, fields, async (values: T) => {
    const result = await save(values);
    if (result.ok && !editing) form.reset(empty);
    return result;
  });
  return { form, bind, state, onSubmit, editing };
}
