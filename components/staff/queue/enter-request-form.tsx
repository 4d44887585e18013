"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";

import { REQUEST_TYPES, type TRequestType } from "@/lib/requests/vocabulary";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ResidenceFields } from "@/components/requests/form/residence-fields";
import { CorrectionFields } from "@/components/requests/form/correction-fields";
import { DeliveryFields } from "@/components/requests/form/delivery-fields";
import { Choices, Select, TextField } from "@/components/requests/form/fields";
import { defaultDetails, emptyPerson } from "@/components/requests/form/form-values";
import { PersonFields } from "@/components/requests/form/person-fields";
import {
  DisclosureFields,
  ProvisionRecordsFields,
  StopProvisionFields,
  type NamedOptions,
} from "@/components/requests/form/type-fields";
import { enterRequest } from "@/lib/actions/staff/enter-request";
import type { FoundSubject } from "@/lib/data/requests/find-subjects";
import { locales } from "@/lib/i18n/config";
import type { MessageKey } from "@/lib/i18n/translate";
import { ENTRY_CHANNELS, REPLY_METHODS } from "@/lib/validation/choices";

import { entryResolver, shapeEntry, type EntryValues } from "./entry-values";
import { ErasureEntryFields } from "./erasure-entry-fields";
import { SubjectPicker } from "./subject-picker";

const SECTIONS: Record<TRequestType, (props: { options: NamedOptions }) => React.ReactNode> = {
  DISCLOSURE: DisclosureFields,
  PROVISION_RECORDS: ProvisionRecordsFields,
  PURPOSE_NOTIFICATION: () => <DeliveryFields reply />,
  CORRECTION: CorrectionFields,
  SUSPENSION_ERASURE: ErasureEntryFields,
  STOP_PROVISION: StopProvisionFields,
};

/**
 * A request that arrived by phone, post, email or in person, entered by staff: channel, date of
 * arrival, the subject, and the type's own fields from the web wizard. One idempotency key per
 * form: a double submit enters the request once.
 */
export function EnterRequestForm(props: { options: NamedOptions; today: string }) {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [picked, setPicked] = useState<FoundSubject>();
  const pickedRef = useRef<FoundSubject | undefined>(undefined);
  pickedRef.current = picked;
  const form = useForm<EntryValues>({
    resolver: entryResolver(() => pickedRef.current),
    defaultValues: {
      idempotencyKey,
      residence: { country: "JP", region: "" },
      type: "DISCLOSURE",
      channel: "",
      receivedOn: props.today,
      subjectMode: "new",
      subjectId: "",
      lookupEmail: "",
      email: "",
      postalCode: "",
      address: "",
      locale,
      filerRole: "SELF",
      subject: { ...emptyPerson, relationship: "" },
      requester: { ...emptyPerson },
      note: "",
      details: { ...defaultDetails, method: "JSON" },
    },
  });
  const { errors, isSubmitting } = form.formState;
  const type = form.watch("type");
  const agent = form.watch("filerRole") !== "SELF";
  const Section = SECTIONS[type];
  const typeField = form.register("type", {
    onChange: () => {
      // Purpose notification answers by mail or letter; the others by a data format.
      const reply = form.getValues("type") === "PURPOSE_NOTIFICATION";
      const method = form.getValues("details.method");
      const isReply = (REPLY_METHODS as readonly string[]).includes(method);
      if (reply !== isReply) form.setValue("details.method", reply ? "EMAIL" : "JSON");
    },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(undefined);
    const result = await enterRequest(shapeEntry(values, pickedRef.current));
    if (result.ok) return router.push(`/${locale}/staff/requests/${result.data.reference}`);
    for (const [name, message] of Object.entries(result.fieldErrors ?? {})) {
      form.setError(name as keyof EntryValues, { message });
    }
    setFailure({ error: result.error, errorId: result.errorId });
  });

  const described = (name: keyof typeof errors, id: string) =>
    errors[name] ? `${id}-error` : undefined;

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate>
        <input type="hidden" {...form.register("idempotencyKey")} />
        <fieldset className="panel">
          <legend>{t("queue.enter.arrivalTitle")}</legend>
          <div className="row">
            <div className="field">
              <label htmlFor="entry-channel">{t("request.channel")}</label>
              <select
                id="entry-channel"
                aria-invalid={errors.channel ? true : undefined}
                aria-describedby={described("channel", "entry-channel")}
                {...form.register("channel")}
              >
                <option value="">—</option>
                {ENTRY_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`channel.${c}`)}
                  </option>
                ))}
              </select>
              <FieldError id="entry-channel-error" message={errors.channel?.message} />
            </div>
            <div className="field">
              <label htmlFor="entry-receivedOn">{t("queue.enter.receivedOn")}</label>
              <input
                id="entry-receivedOn"
                type="date"
                max={props.today}
                aria-invalid={errors.receivedOn ? true : undefined}
                aria-describedby={described("receivedOn", "entry-receivedOn")}
                {...form.register("receivedOn")}
              />
              <FieldError id="entry-receivedOn-error" message={errors.receivedOn?.message} />
            </div>
            <div className="field">
              <label htmlFor="entry-locale">{t("queue.enter.locale")}</label>
              <select id="entry-locale" {...form.register("locale")}>
                {locales.map((l) => (
                  <option key={l} value={l}>
                    {t(`queue.enter.language.${l}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </fieldset>
        <Choices
          name="filerRole"
          legend="requestForm.filerTitle"
          options={[
            { value: "SELF", label: t("queue.enter.filerSelf") },
            { value: "LEGAL_REPRESENTATIVE", label: t("queue.enter.filerLegal") },
            { value: "APPOINTED_AGENT", label: t("queue.enter.filerAppointed") },
          ]}
        />
        <SubjectPicker picked={picked} onPick={setPicked} />
        {agent && (
          <>
            {form.watch("filerRole") === "LEGAL_REPRESENTATIVE" && (
              <Select
                name="subject.relationship"
                label="requestForm.relationship"
                options={[
                  { value: "", label: "—" },
                  {
                    value: "PARENT_OF_MINOR",
                    label: t("requestForm.relationshipPARENT_OF_MINOR"),
                  },
                  {
                    value: "GUARDIAN_OF_ADULT_WARD",
                    label: t("requestForm.relationshipGUARDIAN_OF_ADULT_WARD"),
                  },
                ]}
              />
            )}
            <PersonFields prefix="requester" legend="queue.enter.agentTitle" />
          </>
        )}
        <ResidenceFields />
        <fieldset className="panel">
          <legend>{t("queue.enter.requestTitle")}</legend>
          <div className="field">
            <label htmlFor="entry-type">{t("request.type")}</label>
            <select id="entry-type" {...typeField}>
              {REQUEST_TYPES.map((v) => (
                <option key={v} value={v}>
                  {t(`requestType.${v}`)}
                </option>
              ))}
            </select>
          </div>
          <Section options={props.options} />
        </fieldset>
        <TextField name="note" label="queue.enter.note" help="queue.enter.noteHelp" multiline />
        <p className="notice">{t("requestForm.myNumberWarning")}</p>
        <FormAlert error={failure?.error} errorId={failure?.errorId} />
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("requestForm.submitting") : t("queue.enter.submit")}
        </button>
      </form>
    </FormProvider>
  );
}
