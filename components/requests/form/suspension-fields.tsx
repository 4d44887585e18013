"use client";

import { useState } from "react";
import { useFormContext } from "react-hook-form";

import { CheckboxField } from "@/components/forms/field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { previewErasure } from "@/lib/actions/requests/preview-erasure";
import { formatDate, withSystem } from "@/lib/i18n/format";
import { ERASURE_GROUNDS } from "@/lib/validation/choices";

import { Choices, Select, TextField, useFieldError } from "./fields";
import type { FormValues } from "./form-values";
import { CategoryScope, type NamedOptions } from "./type-fields";

type Preview = Extract<Awaited<ReturnType<typeof previewErasure>>, { ok: true }>["data"];

/**
 * What to stop or erase and on which ground: shared by the requester's wizard (with the preview
 * below) and the staff's entry form (without it).
 */
export function SuspensionErasureChoices({ options }: { options: NamedOptions }) {
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
            // Why it cannot be stopped, beside the greyed-out choice.
            hint: p.suspendable ? undefined : p.suspensionNote || undefined,
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

/** APPI Art.35: stop purposes, or erase items — with a preview of what the law makes us keep. */
export function SuspensionErasureFields({ options }: { options: NamedOptions }) {
  const { locale, t } = useI18n();
  const { watch, register, getValues, setValue } = useFormContext<FormValues>();
  const [preview, setPreview] = useState<Preview>();
  const action = watch("details.action");
  const confirmError = useFieldError("details.previewConfirmed");
  const name = (ja: string, en: string) => (locale === "ja" ? ja : en);

  async function loadPreview() {
    const keys = getValues("details.categoryKeys");
    const result = await previewErasure({
      erasureScope: getValues("details.erasureScope"),
      categoryKeys: Array.isArray(keys) ? keys : [],
    });
    if (result.ok) setPreview(result.data);
    setValue("details.previewConfirmed", false);
  }

  return (
    <>
      <SuspensionErasureChoices options={options} />
      {action === "ERASE" && (
        <section className="panel" aria-labelledby="preview-title">
          <h2 id="preview-title">{t("requestForm.previewTitle")}</h2>
          <button type="button" onClick={() => void loadPreview()}>
            {t("requestForm.previewButton")}
          </button>
          <div aria-live="polite" data-testid="erasure-preview">
            {preview && !preview.known && <p>{t("requestForm.previewUnknown")}</p>}
            {preview?.known && (
              <>
                <p>{t("requestForm.previewTotal", { total: preview.total })}</p>
                <p>
                  {preview.kept.length === 0
                    ? t("requestForm.previewKeptNone")
                    : t("requestForm.previewKept")}
                </p>
                <ul>
                  {preview.kept.map((k) => (
                    <li key={k.id}>
                      {withSystem(
                        locale,
                        name(k.label.nameJa, k.label.nameEn),
                        name(k.system.nameJa, k.system.nameEn),
                      )}
                      : {k.legalHoldReason ?? ""}
                      {k.retainUntil &&
                        ` ${t("requestForm.previewRetainUntil", { date: formatDate(locale, k.retainUntil) })}`}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
          {/* The box waits for the preview (there is nothing to confirm before it), but is there from
              the start so that the schema's "read the preview and tick the box" has its place. */}
          <CheckboxField
            id="details-previewConfirmed"
            label={t("requestForm.previewConfirmed")}
            disabled={!preview}
            error={confirmError}
            registration={register("details.previewConfirmed")}
          />
        </section>
      )}
    </>
  );
}
