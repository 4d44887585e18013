"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";

import type { MessageKey } from "@/lib/i18n/translate";

type Result = {
  ok: boolean;
  error?: MessageKey;
  errorId?: string;
  fieldErrors?: Record<string, MessageKey>;
};

/**
 * The settings forms' submit: the server's field errors go beside their fields (the form-level
 * alert carries the rest), a success refreshes the server-rendered page.
 */
export function useActionForm<T extends FieldValues, O>(
  form: UseFormReturn<T, unknown, O>,
  fields: readonly Path<T>[],
  send: (values: O) => Promise<Result>,
) {
  const router = useRouter();
  const [state, setState] = useState<{ saved?: boolean; error?: MessageKey; errorId?: string }>({});
  const onSubmit = form.handleSubmit(async (values) => {
    setState({});
    const result = await send(values);
    if (result.ok) {
      setState({ saved: true });
      return router.refresh();
    }
    for (const field of fields) {
      const message = result.fieldErrors?.[field];
      if (message) form.setError(field, { message });
    }
    setState({ error: result.error, errorId: result.errorId });
  });
  return { state, onSubmit };
}
