"use client";

import {
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormRegisterReturn,
} from "react-hook-form";

import { useForm } from "@/components/forms/use-form";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/actions/safe-action";

// The state the data-map forms share: the form with its submit, and `bind` giving a field of
// components/forms/field its registration and error.

/** What `bind` gives a TextField, TextAreaField or SelectField. */
export type Bound = { registration: UseFormRegisterReturn; error?: string };

/**
 * The state every data-map form shares: the react-hook-form form on the shared schema's resolver,
 * `bind` for a field, and the submit through `useActionForm` (server field errors beside their
 * fields, "saved" in a toast; a new entry's form is emptied after it is saved, an edited one keeps
 * its values).
 */
export function useConfigForm<T extends FieldValues & { id?: string }>(options: {
  resolver: Resolver<T>;
  initial?: T;
  empty: T;
  save: (values: T) => Promise<ActionResult<unknown>>;
}) {
  const { resolver, initial, empty, save } = options;
  const editing = initial?.id !== undefined;
  const form = useForm<T>({ resolver, defaultValues: (initial ?? empty) as DefaultValues<T> });
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  const bind = (name: Path<T>): Bound => ({
    registration: form.register(name),
    error: errors[name]?.message,
  });
  const { failure, onSubmit, pending } = useActionForm(form, save, {
    saved: "settingsDataMap.saved",
    fields: Object.keys(empty) as Path<T>[],
    onSuccess: () => {
      if (!editing) form.reset(empty);
    },
  });
  return { form, bind, failure, onSubmit, pending, editing };
}
