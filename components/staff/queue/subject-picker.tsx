"use client";

import { useState, useTransition } from "react";
import { get, useFormContext } from "react-hook-form";

import { FieldError } from "@/components/forms/field-error";
import { useI18n } from "@/components/i18n/i18n-provider";
import { PersonFields } from "@/components/requests/form/person-fields";
import { findSubject } from "@/lib/actions/staff/find-subject";
import type { FoundSubject } from "@/lib/data/requests/find-subjects";
import type { MessageKey } from "@/lib/i18n/translate";

import type { EntryValues } from "./entry-values";

function useError(name: string): string | undefined {
  const { formState } = useFormContext<EntryValues>();
  const value: unknown = get(formState.errors, name);
  return (value as { message?: string } | undefined)?.message;
}

/** A plain labelled input of the entry form's own (not one of the wizard's fields). */
function Input(props: {
  name: "email" | "postalCode" | "address" | "lookupEmail";
  label: MessageKey;
  type?: "text" | "email";
  autoComplete?: string;
}) {
  const { t } = useI18n();
  const { register } = useFormContext<EntryValues>();
  const error = useError(props.name);
  const id = `entry-${props.name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{t(props.label)}</label>
      <input
        id={id}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete ?? "off"}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...register(props.name)}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/**
 * Whom the request is about: a subject the organisation knows, found by email (looked up by a
 * POST, so the address stays out of URLs), or a new person with name, kana, birth date, email and
 * address.
 */
export function SubjectPicker(props: {
  picked: FoundSubject | undefined;
  onPick: (subject: FoundSubject | undefined) => void;
}) {
  const { t } = useI18n();
  const { register, watch, getValues, setValue } = useFormContext<EntryValues>();
  const [found, setFound] = useState<FoundSubject[]>();
  const [lookupError, setLookupError] = useState<MessageKey>();
  const [pending, startTransition] = useTransition();
  const mode = watch("subjectMode");
  const agent = watch("filerRole") !== "SELF";
  const pickError = useError("subjectId");

  const lookup = () =>
    startTransition(async () => {
      setLookupError(undefined);
      setFound(undefined);
      props.onPick(undefined);
      setValue("subjectId", "");
      const result = await findSubject({ email: getValues("lookupEmail") });
      if (result.ok) return setFound(result.data);
      setLookupError(result.fieldErrors?.email ?? result.error);
    });

  return (
    <fieldset className="panel">
      <legend>{t(agent ? "requestForm.agentSubjectTitle" : "queue.enter.subjectTitle")}</legend>
      <fieldset className="field">
        <legend>{t("queue.enter.subjectMode")}</legend>
        <label className="choice">
          <input type="radio" value="new" {...register("subjectMode")} />{" "}
          {t("queue.enter.subjectNew")}
        </label>
        <label className="choice">
          <input type="radio" value="existing" {...register("subjectMode")} />{" "}
          {t("queue.enter.subjectExisting")}
        </label>
      </fieldset>
      {mode === "existing" ? (
        <>
          <div className="field">
            <label htmlFor="entry-lookupEmail">{t("queue.enter.lookupEmail")}</label>
            <input
              id="entry-lookupEmail"
              type="email"
              autoComplete="off"
              aria-invalid={lookupError ? true : undefined}
              aria-describedby={lookupError ? "entry-lookupEmail-error" : undefined}
              {...register("lookupEmail")}
              onKeyDown={(e) => {
                if (e.key !== "Enter") return;
                e.preventDefault();
                lookup();
              }}
            />
            <FieldError id="entry-lookupEmail-error" message={lookupError} />
          </div>
          <p>
            <button type="button" onClick={lookup} disabled={pending}>
              {t("queue.enter.lookup")}
            </button>
          </p>
          <div aria-live="polite">
            {found && found.length === 0 && <p>{t("queue.enter.noneFound")}</p>}
            {found && found.length > 0 && (
              <fieldset
                className="field"
                aria-describedby={pickError ? "entry-subjectId-error" : undefined}
              >
                <legend>{t("queue.enter.pickSubject")}</legend>
                {found.map((s) => (
                  <label className="choice" key={s.id}>
                    <input
                      type="radio"
                      value={s.id}
                      {...register("subjectId", {
                        onChange: () => props.onPick(s),
                      })}
                    />{" "}
                    {s.familyName} {s.givenName}
                    {(s.familyNameKana || s.givenNameKana) &&
                      `（${s.familyNameKana} ${s.givenNameKana}）`}
                    {s.birthDate && ` ${s.birthDate}`}
                    {s.hasAccount && ` · ${t("queue.enter.hasAccount")}`}
                  </label>
                ))}
              </fieldset>
            )}
          </div>
          <FieldError id="entry-subjectId-error" message={pickError} />
          {props.picked && (
            <p data-testid="picked-subject">
              {t("queue.enter.picked", {
                name: `${props.picked.familyName} ${props.picked.givenName}`,
              })}
            </p>
          )}
        </>
      ) : (
        <>
          <PersonFields prefix={agent ? "subject" : "requester"} legend="queue.enter.newPerson" />
          <Input name="email" label="queue.enter.email" type="email" />
          <div className="row">
            <Input name="postalCode" label="queue.enter.postalCode" />
            <Input name="address" label="queue.enter.address" />
          </div>
        </>
      )}
    </fieldset>
  );
}
