"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { get } from "react-hook-form";

import { useForm } from "@/components/forms/use-form";
import { Choice, ChoiceGroup, Field, TextAreaField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm, type FormFailure } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { claimTask } from "@/lib/actions/staff/claim-task";
import { completeManualTask } from "@/lib/actions/staff/complete-manual-task";
import type { MessageKey } from "@/lib/i18n/translate";
import type { TCompleteManualTask } from "@/lib/validation/fulfilment";

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
  const [claimFailure, setClaimFailure] = useState<FormFailure>({});
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
  const { errors } = form.formState;
  // The values go as multipart form data, with the files chosen (not a field of the schema's).
  const { failure, onSubmit, pending } = useActionForm(form, (values) => {
    const data = new FormData();
    data.set("reference", values.reference);
    data.set("taskId", values.taskId);
    data.set("note", values.note);
    for (const key of values.checked) data.append("checked", key);
    for (const file of Array.from(files.current?.files ?? [])) data.append("files", file);
    return completeManualTask(data);
  });
  const id = (name: string) => `manual-${taskId}-${name}`;
  const titleId = id("title");

  const onClaim = async () => {
    setClaiming(true);
    const result = await claimTask({ reference, taskId });
    setClaiming(false);
    if (result.ok) return router.refresh();
    setClaimFailure({ error: result.error, errorId: result.errorId });
  };

  // The server's refusal of the files lands on the file input, though it is not a schema field.
  const filesError = get<typeof errors, { message?: string } | undefined>(errors, "files")?.message;
  // Claiming is offered only while the form is not (the task is someone else's or nobody's).
  const shown = failure.error ? failure : claimFailure;

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
          <ChoiceGroup
            id={id("checked")}
            legend={t("fulfilment.tasks.manual.checklist")}
            error={errors.checked?.message}
          >
            {props.checklist.map((item) => (
              <Choice
                key={item.key}
                type="checkbox"
                value={item.key}
                label={t(`fulfilment.tasks.checklist.${action}.${item.key}` as MessageKey)}
                registration={form.register("checked")}
              />
            ))}
          </ChoiceGroup>
          <TextAreaField
            id={id("note")}
            label={t("fulfilment.tasks.manual.note")}
            error={errors.note?.message}
            registration={form.register("note")}
          />
          <Field
            id={id("files")}
            label={t("fulfilment.tasks.manual.files")}
            hint={t("fulfilment.tasks.manual.filesHelp")}
            error={filesError}
          >
            {(control) => (
              <input
                ref={files}
                type="file"
                multiple
                accept="image/jpeg,image/png,image/webp,application/pdf"
                {...control}
              />
            )}
          </Field>
          <SubmitButton pending={pending}>{t("fulfilment.tasks.manual.submit")}</SubmitButton>
        </form>
      )}
      <FormAlert error={shown.error} errorId={shown.errorId} />
    </section>
  );
}
