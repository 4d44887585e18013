"use client";

import { useState, useTransition } from "react";
import { get, useFormContext } from "react-hook-form";

import { Choice, ChoiceGroup, TextField } from "@/components/forms/field";
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
  return (
    <TextField
      id={`entry-${props.name}`}
      label={t(props.label)}
      type={props.type ?? "text"}
      autoComplete={props.autoComplete ?? "off"}
      error={error}
      registration={register(props.name)}
    />
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
  const choices = found !== undefined && found.length > 0;

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
      <ChoiceGroup id="entry-subjectMode" legend={t("queue.enter.subjectMode")}>
        <Choice
          type="radio"
          value="new"
          label={t("queue.enter.subjectNew")}
          registration={register("subjectMode")}
        />
        <Choice
          type="radio"
          value="existing"
          label={t("queue.enter.subjectExisting")}
          registration={register("subjectMode")}
        />
      </ChoiceGroup>
      {mode === "existing" ? (
        <>
          {/* Until there are people to choose from, "choose the person" is said at the search. */}
          <TextField
            id="entry-lookupEmail"
            type="email"
            label={t("queue.enter.lookupEmail")}
            autoComplete="off"
            error={lookupError ?? (choices ? undefined : pickError)}
            registration={register("lookupEmail")}
            onKeyDown={(e) => {
              if (e.key !== "Enter") return;
              e.preventDefault();
              lookup();
            }}
          />
          <p>
            <button type="button" onClick={lookup} disabled={pending}>
              {t("queue.enter.lookup")}
            </button>
          </p>
          <div aria-live="polite">
            {found && found.length === 0 && <p>{t("queue.enter.noneFound")}</p>}
            {choices && (
              <ChoiceGroup
                id="entry-subjectId"
                legend={t("queue.enter.pickSubject")}
                error={pickError}
              >
                {found.map((s) => (
                  <Choice
                    key={s.id}
                    type="radio"
                    value={s.id}
                    label={
                      <>
                        {s.familyName} {s.givenName}
                        {(s.familyNameKana || s.givenNameKana) &&
                          `（${s.familyNameKana} ${s.givenNameKana}）`}
                        {s.birthDate && ` ${s.birthDate}`}
                        {s.hasAccount && ` · ${t("queue.enter.hasAccount")}`}
                      </>
                    }
                    registration={register("subjectId", {
                      onChange: () => props.onPick(s),
                    })}
                  />
                ))}
              </ChoiceGroup>
            )}
          </div>
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
