"use client";

import { useRef } from "react";
import { get, useFieldArray } from "react-hook-form";

import {
  Choice,
  ChoiceGroup,
  CheckboxField,
  Field,
  SelectField,
  TextField,
} from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useForm } from "@/components/forms/use-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { answerSystemTask } from "@/lib/actions/system-tasks/answer-system-task";
import type { FulfilmentAction } from "@/lib/generated/prisma/enums";
import { DECLINE_REASONS } from "@/lib/validation/choices";
import type { TSystemTaskAnswer } from "@/lib/validation/system-task";

/**
 * The answer to an EMAIL connector's task, on the page its link opens: done (with the export
 * file, or the erasure's count and what was kept) or declined with a reason. The values go as
 * multipart form data with the file, checked by its content on the server.
 */
export function SystemTaskAnswerForm(props: { token: string; action: FulfilmentAction }) {
  const { token, action } = props;
  const { t } = useI18n();
  const file = useRef<HTMLInputElement>(null);
  const form = useForm<TSystemTaskAnswer>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/system-task").then((m) => m.ZSystemTaskAnswer),
    ),
    defaultValues: {
      token,
      action,
      outcome: "done",
      noData: false,
      erased: "",
      kept: [],
      declineReason: "",
    },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "kept" });
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(
    form,
    (values) => {
      const data = new FormData();
      data.set("token", values.token);
      data.set("action", values.action);
      data.set("outcome", values.outcome);
      data.set("noData", String(values.noData));
      data.set("erased", values.erased);
      data.set("kept", JSON.stringify(values.kept));
      data.set("declineReason", values.declineReason);
      const chosen = file.current?.files?.[0];
      if (chosen && values.outcome === "done" && !values.noData) data.set("file", chosen);
      return answerSystemTask(data);
    },
    { saved: "systemTask.sent" },
  );
  const outcome = form.watch("outcome");
  const noData = form.watch("noData");
  // The server's refusal of the file lands on the file input, though it is not a schema field.
  const fileError = get<typeof errors, { message?: string } | undefined>(errors, "file")?.message;

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="answer-title" data-testid="answer-form">
      <h2 id="answer-title">{t("systemTask.answer")}</h2>
      <ChoiceGroup
        id="answer-outcome"
        legend={t("systemTask.outcome")}
        error={errors.outcome?.message}
      >
        <Choice
          type="radio"
          value="done"
          label={t(`systemTask.outcomeDone.${action}`)}
          registration={form.register("outcome")}
        />
        <Choice
          type="radio"
          value="declined"
          label={t("systemTask.outcomeDeclined")}
          registration={form.register("outcome")}
        />
      </ChoiceGroup>
      {outcome === "done" && action === "EXPORT" && (
        <>
          <CheckboxField
            id="answer-noData"
            label={t("systemTask.noData")}
            registration={form.register("noData")}
          />
          {!noData && (
            <Field
              id="answer-file"
              label={t("systemTask.file")}
              hint={t("systemTask.fileHelp")}
              error={fileError}
            >
              {(control) => (
                <input
                  ref={file}
                  type="file"
                  accept=".csv,.json,text/csv,application/json"
                  {...control}
                />
              )}
            </Field>
          )}
        </>
      )}
      {outcome === "done" && action === "ERASE" && (
        <>
          <TextField
            id="answer-erased"
            type="number"
            inputMode="numeric"
            min={0}
            autoComplete="off"
            label={t("systemTask.erased")}
            hint={t("systemTask.erasedHelp")}
            error={errors.erased?.message}
            registration={form.register("erased")}
          />
          <ChoiceGroup
            id="answer-kept"
            legend={t("systemTask.kept")}
            hint={t("systemTask.keptHelp")}
            error={errors.kept?.message}
          >
            {fields.map((row, i) => (
              <div key={row.id} className="row" data-testid="kept-row">
                <TextField
                  id={`answer-kept-${i}-field`}
                  autoComplete="off"
                  label={t("systemTask.keptField")}
                  error={errors.kept?.[i]?.field?.message}
                  registration={form.register(`kept.${i}.field`)}
                />
                <TextField
                  id={`answer-kept-${i}-reason`}
                  autoComplete="off"
                  label={t("systemTask.keptReason")}
                  error={errors.kept?.[i]?.reason?.message}
                  registration={form.register(`kept.${i}.reason`)}
                />
                <button type="button" className="link" onClick={() => remove(i)}>
                  {t("systemTask.keptRemove")}
                </button>
              </div>
            ))}
            <p>
              <button
                type="button"
                className="secondary"
                onClick={() => append({ field: "", reason: "" })}
              >
                {t("systemTask.keptAdd")}
              </button>
            </p>
          </ChoiceGroup>
        </>
      )}
      {outcome === "declined" && (
        <SelectField
          id="answer-declineReason"
          label={t("systemTask.declineReason")}
          error={errors.declineReason?.message}
          registration={form.register("declineReason")}
        >
          <option value="">—</option>
          {DECLINE_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {t(`systemTask.declineReasons.${reason}`)}
            </option>
          ))}
        </SelectField>
      )}
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("systemTask.submit")}</SubmitButton>
    </form>
  );
}
