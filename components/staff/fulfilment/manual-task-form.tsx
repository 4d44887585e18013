"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { claimTask } from "@/lib/actions/staff/claim-task";
import { completeManualTask } from "@/lib/actions/staff/complete-manual-task";
import type { MessageKey } from "@/lib/i18n/translate";
import type { TCompleteManualTask } from "@/lib/validation/fulfilment";

type Failure = { error: MessageKey; errorId?: string };

/**
 * A MANUAL task: take it, work through its checklist, and complete it with a note and optional
 * files (checked and stored encrypted like identity documents).
 */
export function ManualTaskForm(props: {
  reference: string;
  taskId: string;
  title: string;
  action: string;
  checklist: { key: string; done: boolean }[];
  assigneeName: string | null;
  mine: boolean;
}) {
  const { reference, taskId, action } = props;
  const { t } = useI18n();
  const router = useRouter();
  const files = useRef<HTMLInputElement>(null);
  const [failure, setFailure] = useState<Failure>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, MessageKey>>({});
  const [claiming, setClaiming] = useState(false);
  const form = useForm<TCompleteManualTask>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/fulfilment").then((m) => m.ZCompleteManualTask),
    ),
    defaultValues: {
      reference,
      taskId,
      note: "",
      checked: props.checklist.filter((c) => c.done).map((c) => c.key),
    },
  });
  const { errors, isSubmitting } = form.formState;
  const id = (name: string) => `manual-${taskId}-${name}`;
  const titleId = id("title");

  const onClaim = async () => {
    setClaiming(true);
    const result = await claimTask({ reference, taskId });
    setClaiming(false);
    if (result.ok) return router.refresh();
    setFailure({ error: result.error, errorId: result.errorId });
  };

  const onSubmit = form.handleSubmit(async (values) => {
    const data = new FormData();
    data.set("reference", values.reference);
    data.set("taskId", values.taskId);
    data.set("note", values.note);
    for (const key of values.checked) data.append("checked", key);
    for (const file of Array.from(files.current?.files ?? [])) data.append("files", file);
    setFieldErrors({});
    const result = await completeManualTask(data);
    if (result.ok) return router.refresh();
    setFieldErrors(result.fieldErrors ?? {});
    setFailure({ error: result.error, errorId: result.errorId });
  });

  const checkedError = errors.checked?.message ?? fieldErrors.checked;
  const filesError = fieldErrors.files;

  return (
    <section className="panel" aria-labelledby={titleId}>
      <h3 id={titleId}>{props.title}</h3>
      <p>
        {props.assigneeName
          ? t("fulfilment.tasks.assignee", { name: props.assigneeName })
          : t("fulfilment.tasks.manual.unclaimed")}{" "}
        {!props.mine && (
          <button type="button" onClick={() => void onClaim()} disabled={claiming}>
            {props.assigneeName
              ? t("fulfilment.tasks.manual.claimOver")
              : t("fulfilment.tasks.manual.claim")}
          </button>
        )}
      </p>
      {props.mine && (
        <form onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
          <fieldset
            className="field"
            aria-describedby={checkedError ? id("checked-error") : undefined}
          >
            <legend>{t("fulfilment.tasks.manual.checklist")}</legend>
            {props.checklist.map((item) => (
              <label key={item.key} className="choice">
                <input type="checkbox" value={item.key} {...form.register("checked")} />{" "}
                {t(`fulfilment.tasks.checklist.${action}.${item.key}` as MessageKey)}
              </label>
            ))}
            <FieldError id={id("checked-error")} message={checkedError} />
          </fieldset>
          <div className="field">
            <label htmlFor={id("note")}>{t("fulfilment.tasks.manual.note")}</label>
            <textarea
              id={id("note")}
              rows={3}
              aria-invalid={errors.note ? true : undefined}
              aria-describedby={errors.note ? id("note-error") : undefined}
              {...form.register("note")}
            />
            <FieldError id={id("note-error")} message={errors.note?.message} />
          </div>
          <div className="field">
            <label htmlFor={id("files")}>{t("fulfilment.tasks.manual.files")}</label>
            <p className="help" id={id("files-help")}>
              {t("fulfilment.tasks.manual.filesHelp")}
            </p>
            <input
              ref={files}
              id={id("files")}
              type="file"
              multiple
              accept="image/jpeg,image/png,image/webp,application/pdf"
              aria-describedby={
                filesError ? `${id("files-help")} ${id("files-error")}` : id("files-help")
              }
            />
            <FieldError id={id("files-error")} message={filesError} />
          </div>
          <button type="submit" disabled={isSubmitting}>
            {t("fulfilment.tasks.manual.submit")}
          </button>
        </form>
      )}
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
    </section>
  );
}
