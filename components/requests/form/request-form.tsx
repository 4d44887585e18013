"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider } from "react-hook-form";

import { type TRequestType } from "@/lib/requests/vocabulary";
import { useForm } from "@/components/forms/use-form";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { fileRequest } from "@/lib/actions/requests/file-request";
import type { Fees } from "@/lib/requests/fees";
import type { JurisdictionCode } from "@/lib/requests/jurisdiction";
import type { TNewRequest } from "@/lib/validation/requests";

import { CorrectionFields } from "./correction-fields";
import { DeliveryFields } from "./delivery-fields";
import { FeeNotice } from "./fee-notice";
import { TextField } from "./fields";
import { FilerFields } from "./filer-fields";
import {
  defaultDetails,
  emptyPerson,
  requestResolver,
  shape,
  type FormValues,
} from "./form-values";
import { ResidenceFields } from "./residence-fields";
import { SuspensionErasureFields } from "./suspension-fields";
import {
  DisclosureFields,
  ProvisionRecordsFields,
  StopProvisionFields,
  type NamedOptions,
} from "./type-fields";

const SECTIONS: Record<TRequestType, (props: { options: NamedOptions }) => React.ReactNode> = {
  DISCLOSURE: DisclosureFields,
  PROVISION_RECORDS: ProvisionRecordsFields,
  PURPOSE_NOTIFICATION: () => <DeliveryFields reply />,
  CORRECTION: CorrectionFields,
  SUSPENSION_ERASURE: SuspensionErasureFields,
  STOP_PROVISION: StopProvisionFields,
};

export function RequestForm(props: {
  type: TRequestType;
  preset?: { recipientKeys: string[]; purposeKeys: string[] };
  options: NamedOptions;
  requester: typeof emptyPerson;
  /** Where the person lives, as the organisation last heard it (JP when unknown). */
  residence?: { country: string; region: string };
  /** The organisation's fees and establishments, for the fee notice. */
  feeTerms: Fees & { establishments: JurisdictionCode[] };
}) {
  const { type, options } = props;
  const { locale, t } = useI18n();
  const router = useRouter();
  // One key per form instance: a double submit or a retry files the same request once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const form = useForm<FormValues>({
    resolver: requestResolver(type),
    defaultValues: {
      idempotencyKey,
      residence: props.residence ?? { country: "JP", region: "" },
      filerRole: "SELF",
      subject: { ...emptyPerson, relationship: "" },
      requester: props.requester,
      note: "",
      details: {
        ...defaultDetails,
        ...props.preset,
        method: type === "PURPOSE_NOTIFICATION" ? "EMAIL" : "JSON",
      },
    },
  });
  const Section = SECTIONS[type];

  // Only the chosen type's details are sent; every field error the server finds lands by name, and
  // the filed request opens in its own page (no refresh of this one).
  const { failure, onSubmit, pending } = useActionForm(
    form,
    (values) => fileRequest({ ...(shape(type, values) as TNewRequest), locale }),
    {
      refresh: false,
      onSuccess: (result) => router.push(`/${locale}/me/requests/${result.data.reference}?filed=1`),
    },
  );

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate>
        <input type="hidden" {...form.register("idempotencyKey")} />
        <FilerFields />
        <ResidenceFields />
        <Section options={options} />
        <TextField name="note" label="requestForm.note" help="requestForm.noteHelp" multiline />
        <FeeNotice
          type={type}
          fees={props.feeTerms}
          establishments={props.feeTerms.establishments}
        />
        <p className="notice">{t("requestForm.myNumberWarning")}</p>
        <FormAlert error={failure.error} errorId={failure.errorId} />
        <SubmitButton pending={pending} pendingLabel={t("requestForm.submitting")}>
          {t("requestForm.submit")}
        </SubmitButton>
      </form>
    </FormProvider>
  );
}
