"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";

import { useI18n } from "@/components/i18n/i18n-provider";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { MessageKey } from "@/lib/i18n/translate";

/** What every server action a form posts to answers (lib/actions/safe-action.ts). */
type AnyResult = ActionResult<unknown>;
type Succeeded<R> = Extract<R, { ok: true }>;
type Failed<R> = Extract<R, { ok: false }>;

export interface FormFailure {
  error?: MessageKey;
  errorId?: string;
}

/**
 * The one submit of every react-hook-form form: the values the shared schema checked go to the
 * server action; its field errors go beside their fields (by name; `fields` limits them), the rest
 * to the form-level alert (`FormAlert` with `failure`); a success says `saved` in a toast, calls
 * `onSuccess`, and refreshes the server-rendered page unless `refresh` is false.
 */
export function useActionForm<T extends FieldValues, O, R extends AnyResult>(
  form: UseFormReturn<T, unknown, O>,
  send: (values: O) => Promise<R>,
  options: {
    saved?: MessageKey;
    fields?: readonly Path<T>[];
    refresh?: boolean;
    onSuccess?: (result: Succeeded<R>, values: O) => void;
    onFailure?: (result: Failed<R>) => void;
  } = {},
) {
  const router = useRouter();
  const { t } = useI18n();
  const [failure, setFailure] = useState<FormFailure>({});
  const onSubmit = form.handleSubmit(async (values) => {
    setFailure({});
    const result = await send(values);
    if (succeeded(result)) {
      if (options.saved) toast(t(options.saved));
      options.onSuccess?.(result, values);
      if (options.refresh !== false) router.refresh();
      return;
    }
    if (!failed(result)) return;
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      if (!options.fields || options.fields.includes(field as Path<T>))
        form.setError(field as Path<T>, { message });
    }
    setFailure({ error: result.error, errorId: result.errorId });
    options.onFailure?.(result);
  });
  return { failure, onSubmit, pending: form.formState.isSubmitting };
}

// Narrowing a generic result by its `ok` needs a guard: TypeScript does not narrow R itself.
const succeeded = <R extends AnyResult>(result: R): result is Succeeded<R> => result.ok;
const failed = <R extends AnyResult>(result: R): result is Failed<R> => !result.ok;
