"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/translate";

import { TextField } from "./fields";

/** Name, kana and birth date of a person: the requester, or the subject an agent files for. */
export function PersonFields({
  prefix,
  legend,
}: {
  prefix: "requester" | "subject";
  legend: MessageKey;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="panel">
      <legend>{t(legend)}</legend>
      <div className="row">
        <TextField
          name={`${prefix}.familyName`}
          label="requestForm.familyName"
          autoComplete={prefix === "requester" ? "family-name" : "off"}
        />
        <TextField
          name={`${prefix}.givenName`}
          label="requestForm.givenName"
          autoComplete={prefix === "requester" ? "given-name" : "off"}
        />
      </div>
      <div className="row">
        <TextField name={`${prefix}.familyNameKana`} label="requestForm.familyNameKana" />
        <TextField name={`${prefix}.givenNameKana`} label="requestForm.givenNameKana" />
      </div>
      <TextField name={`${prefix}.birthDate`} label="requestForm.birthDate" type="date" />
    </fieldset>
  );
}
