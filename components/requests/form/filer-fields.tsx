"use client";

import { useFormContext } from "react-hook-form";

import { useI18n } from "@/components/i18n/i18n-provider";

import { Choices, Select } from "./fields";
import type { FormValues } from "./form-values";
import { PersonFields } from "./person-fields";

/** Who files: the person, or an agent (legal representative or appointed agent) with both identities. */
export function FilerFields() {
  const { t } = useI18n();
  const role = useFormContext<FormValues>().watch("filerRole");
  const agent = role !== "SELF";
  return (
    <>
      <Choices
        name="filerRole"
        legend="requestForm.filerTitle"
        options={[
          { value: "SELF", label: t("requestForm.filerSelf") },
          { value: "LEGAL_REPRESENTATIVE", label: t("requestForm.filerLegal") },
          { value: "APPOINTED_AGENT", label: t("requestForm.filerAppointed") },
        ]}
      />
      {agent && <PersonFields prefix="subject" legend="requestForm.agentSubjectTitle" />}
      {role === "LEGAL_REPRESENTATIVE" && (
        <Select
          name="subject.relationship"
          label="requestForm.relationship"
          options={[
            { value: "", label: "—" },
            { value: "PARENT_OF_MINOR", label: t("requestForm.relationshipPARENT_OF_MINOR") },
            {
              value: "GUARDIAN_OF_ADULT_WARD",
              label: t("requestForm.relationshipGUARDIAN_OF_ADULT_WARD"),
            },
          ]}
        />
      )}
      <PersonFields
        prefix="requester"
        legend={agent ? "requestForm.agentRequesterTitle" : "requestForm.requesterTitle"}
      />
      {agent && <p className="notice">{t("requestForm.agentDocumentsNote")}</p>}
    </>
  );
}
