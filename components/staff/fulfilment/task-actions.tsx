"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { cancelTask } from "@/lib/actions/staff/cancel-task";
import { retryTask } from "@/lib/actions/staff/retry-task";
import type { MessageKey } from "@/lib/i18n/translate";
import type { TCancelTask } from "@/lib/validation/fulfilment";

type Failure = { error: MessageKey; errorId?: string };

/** Retry and cancel for one task row; only the ones the task's state allows are shown. */
export function TaskActions(props: {
  reference: string;
  taskId: string;
  system: string;
  action: string;
  retry: boolean;
  cancel: boolean;
}) {
  const { reference, taskId, system, action } = props;
  const { t } = useI18n();
  const router = useRouter();
  const [failure, setFailure] = useState<Failure>();
  const [retrying, setRetrying] = useState(false);
  const form = useForm<TCancelTask>({
    resolver: lazyResolver(() => import("@/lib/validation/fulfilment").then((m) => m.ZCancelTask)),
    defaultValues: { reference, taskId, note: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const noteId = `cancel-note-${taskId}`;

  const onRetry = async () => {
    setRetrying(true);
    const result = await retryTask({ reference, taskId });
    setRetrying(false);
    if (result.ok) return router.refresh();
    setFailure({ error: result.error, errorId: result.errorId });
  };

  const onCancel = form.handleSubmit(async (values) => {
    const result = await cancelTask(values);
    if (result.ok) return router.refresh();
    setFailure({ error: result.error, errorId: result.errorId });
  });

  return (
    <div>
      {props.retry && (
        <button
          type="button"
          onClick={() => void onRetry()}
          disabled={retrying}
          aria-label={t("fulfilment.tasks.retryLabel", { system, action })}
        >
          {t("fulfilment.tasks.retry")}
        </button>
      )}
      {props.cancel && (
        <details>
          <summary>{t("fulfilment.tasks.cancel.open")}</summary>
          <form
            onSubmit={onCancel}
            noValidate
            aria-label={t("fulfilment.tasks.cancel.title", { system, action })}
          >
            <p className="help">{t("fulfilment.tasks.cancel.help")}</p>
            <div className="field">
              <label htmlFor={noteId}>{t("fulfilment.tasks.cancel.note")}</label>
              <textarea
                id={noteId}
                rows={2}
                aria-invalid={errors.note ? true : undefined}
                aria-describedby={errors.note ? `${noteId}-error` : undefined}
                {...form.register("note")}
              />
              <FieldError id={`${noteId}-error`} message={errors.note?.message} />
            </div>
            <button type="submit" disabled={isSubmitting}>
              {t("fulfilment.tasks.cancel.submit")}
            </button>
          </form>
        </details>
      )}
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
    </div>
  );
}
