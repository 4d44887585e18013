"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { savePurpose } from "@/lib/actions/manager/data-map/save-purpose";
import type { MessageKey } from "@/lib/i18n/translate";
import { ZPurposeConfig, type TPurposeConfig } from "@/lib/validation/data-map-config";

import { showFieldErrors, TextField } from "./fields";
import { NameFields } from "./name-fields";

const EMPTY: TPurposeConfig = {
  key: "",
  nameJa: "",
  nameEn: "",
  descriptionJa: "",
  descriptionEn: "",
  suspendable: true,
  sortOrder: "0",
};

/** Adds a purpose of use, or edits one (`initial` with its id). */
export function PurposeForm(props: { initial?: TPurposeConfig }) {
  const { t } = useI18n();
  const router = useRouter();
  const editing = props.initial?.id !== undefined;
  const [state, setState] = useState<{ saved?: boolean; error?: MessageKey; errorId?: string }>({});
  const form = useForm<TPurposeConfig>({
    resolver: zodResolver(ZPurposeConfig),
    defaultValues: props.initial ?? EMPTY,
  });
  const { errors, isSubmitting } = form.formState;
  const bind = (name: keyof TPurposeConfig) => ({
    registration: form.register(name),
    error: errors[name]?.message,
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setState({});
    const result = await savePurpose(values);
    if (!result.ok) {
      showFieldErrors(form, result.fieldErrors);
      return setState({ error: result.error, errorId: result.errorId });
    }
    if (!editing) form.reset(EMPTY);
    setState({ saved: true });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="purpose-form-title">
      <h2 id="purpose-form-title">
        {editing ? t("settingsDataMap.edit") : t("settingsDataMap.createTitle")}
      </h2>
      <NameFields prefix="purpose" bind={bind} fixedKey={props.initial?.key} />
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            aria-describedby="purpose-suspendable-help"
            {...form.register("suspendable")}
          />
          {t("settingsDataMap.purposes.suspendable")}
        </label>
        <p id="purpose-suspendable-help" className="help">
          {t("settingsDataMap.purposes.suspendableHelp")}
        </p>
      </div>
      <TextField
        id="purpose-sortOrder"
        type="number"
        label={t("settingsDataMap.field.sortOrder")}
        {...bind("sortOrder")}
      />
      <div aria-live="polite">
        {state.saved && <p className="success">{t("settingsDataMap.saved")}</p>}
      </div>
      <FormAlert error={state.error} errorId={state.errorId} />
      <button type="submit" disabled={isSubmitting}>
        {t("settingsDataMap.save")}
      </button>
    </form>
  );
}
