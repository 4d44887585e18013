"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { useForm } from "@/components/forms/use-form";
import { TextAreaField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm, type FormFailure } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { cancelTask } from "@/lib/actions/staff/cancel-task";
import { retryTask } from "@/lib/actions/staff/retry-task";
import { startTask } from "@/lib/actions/staff/start-task";
import type { TCancelTask } from "@/lib/validation/fulfilment";

/** Retry and cancel for one task row; only the ones the task's state allows are shown. */
export function TaskActions(props: {
  reference: string;
  taskId: string;
  system: string;
  action: string;
  retry: boolean;
  /** A held database change: start it (after its dry run). */
  start?: boolean;
  cancel: boolean;
}) {
  const { reference, taskId, system, action } = props;
  const { t } = useI18n();
  const router = useRouter();
  // One alert under both: the last refusal, of the retry or of the cancel.
  const [failure, setFailure] = useState<FormFailure>({});
  const [retrying, setRetrying] = useState(false);
  const form = useForm<TCancelTask>({
    resolver: lazyResolver(() => import("@/lib/validation/fulfilment").then((m) => m.ZCancelTask)),
    defaultValues: { reference, taskId, note: "" },
  });
  const { errors } = form.formState;
  const { onSubmit: onCancel, pending } = useActionForm(form, cancelTask, {
    onFailure: (result) => setFailure({ error: result.error, errorId: result.errorId }),
  });
  const noteId = `cancel-note-${taskId}`;

  const onRetry = async () => {
    setRetrying(true);
    const result = await (props.start ? startTask : retryTask)({ reference, taskId });
    setRetrying(false);
    if (result.ok) return router.refresh();
    setFailure({ error: result.error, errorId: result.errorId });
  };

  return (
    <div>
      {(props.retry || props.start) && (
        <button
          type="button"
          onClick={() => void onRetry()}
          disabled={retrying}
          aria-label={t(
            props.start ? "fulfilment.tasks.startLabel" : "fulfilment.tasks.retryLabel",
            {
              system,
              action,
            },
          )}
        >
          {t(props.start ? "fulfilment.tasks.start" : "fulfilment.tasks.retry")}
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
            <TextAreaField
              id={noteId}
              label={t("fulfilment.tasks.cancel.note")}
              rows={2}
              error={errors.note?.message}
              registration={form.register("note")}
            />
            <SubmitButton pending={pending} variant="danger">
              {t("fulfilment.tasks.cancel.submit")}
            </SubmitButton>
          </form>
        </details>
      )}
      <FormAlert error={failure.error} errorId={failure.errorId} />
    </div>
  );
}
