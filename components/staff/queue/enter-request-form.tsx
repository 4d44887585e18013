"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { FormProvider } from "react-hook-form";

import { REQUEST_TYPES, type TRequestType } from "@/lib/requests/vocabulary";
import { useForm } from "@/components/forms/use-form";
import { SelectField, TextField as InputField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
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
  const { errors } = form.formState;
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

  // A new request opens on its own page; the server's field errors land on the fields by name.
  const { failure, onSubmit, pending } = useActionForm(
    form,
    (values: EntryValues) => enterRequest(shapeEntry(values, pickedRef.current)),
    {
      refresh: false,
      onSuccess: (result) => router.push(`/${locale}/staff/requests/${result.data.reference}`),
    },
  );

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate>
        <input type="hidden" {...form.register("idempotencyKey")} />
        <fieldset className="panel">
          <legend>{t("queue.enter.arrivalTitle")}</legend>
          <div className="row">
            <SelectField
              id="entry-channel"
              label={t("request.channel")}
              error={errors.channel?.message}
              registration={form.register("channel")}
            >
              <option value="">—</option>
              {ENTRY_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </SelectField>
            <InputField
              id="entry-receivedOn"
              type="date"
              label={t("queue.enter.receivedOn")}
              max={props.today}
              error={errors.receivedOn?.message}
              registration={form.register("receivedOn")}
            />
            <SelectField
              id="entry-locale"
              label={t("queue.enter.locale")}
              registration={form.register("locale")}
            >
              {locales.map((l) => (
                <option key={l} value={l}>
                  {t(`queue.enter.language.${l}`)}
                </option>
              ))}
            </SelectField>
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
          <SelectField id="entry-type" label={t("request.type")} registration={typeField}>
            {REQUEST_TYPES.map((v) => (
              <option key={v} value={v}>
                {t(`requestType.${v}`)}
              </option>
            ))}
          </SelectField>
          <Section options={props.options} />
        </fieldset>
        <TextField name="note" label="queue.enter.note" help="queue.enter.noteHelp" multiline />
        <p className="notice">{t("requestForm.myNumberWarning")}</p>
        <FormAlert error={failure.error} errorId={failure.errorId} />
        <SubmitButton pending={pending} pendingLabel={t("requestForm.submitting")}>
          {t("queue.enter.submit")}
        </SubmitButton>
      </form>
    </FormProvider>
  );
}
