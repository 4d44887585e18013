"use client";

import { useFormContext } from "react-hook-form";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Choices, Select, TextField } from "@/components/requests/form/fields";
import type { FormValues } from "@/components/requests/form/form-values";
import { CategoryScope, type NamedOptions } from "@/components/requests/form/type-fields";
import { ERASURE_GROUNDS } from "@/lib/validation/requests";

/**
 * Suspension or erasure as staff record it: the wizard's fields without its preview, which is the
 * signed-in requester's own look at their data (see entry-values.ts).
 */
export function ErasureEntryFields({ options }: { options: NamedOptions }) {
  const { t } = useI18n();
  const action = useFormContext<FormValues>().watch("details.action");
  return (
    <>
      <Choices
        name="details.action"
        legend="requestForm.suspendAction"
        options={[
          { value: "SUSPEND", label: t("requestForm.suspendSUSPEND") },
          { value: "ERASE", label: t("requestForm.suspendERASE") },
        ]}
      />
      {action === "SUSPEND" && (
        <Choices
          name="details.purposeKeys"
          legend="requestForm.purposes"
          multiple
          options={options.purposes.map((p) => ({
            value: p.key,
            label: p.suspendable ? p.name : `${p.name}（${t("requestForm.notSuspendable")}）`,
            disabled: !p.suspendable,
          }))}
        />
      )}
      {action === "ERASE" && (
        <CategoryScope
          name="details.erasureScope"
          legend="requestForm.erasureScope"
          all="requestForm.erasureAll"
          selected="requestForm.erasureSelected"
          options={options}
        />
      )}
      <Select
        name="details.ground"
        label="requestForm.ground"
        options={ERASURE_GROUNDS.map((g) => ({ value: g, label: t(`requestForm.ground${g}`) }))}
      />
      <TextField name="details.groundText" label="requestForm.groundText" multiline />
    </>
  );
}
