"use client";

import type { z } from "zod";

import { useForm } from "@/components/forms/use-form";
import { TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { updateBrand } from "@/lib/actions/manager/brand/update-brand";
import { isHexColour } from "@/lib/brand/colour";
import type { MessageKey } from "@/lib/i18n/translate";
import { BRAND_FIELDS } from "@/lib/validation/choices";
import type { ZBrand, TBrand } from "@/lib/validation/brand";

type Input = z.input<typeof ZBrand>;
type Field = keyof TBrand;

const LABELS: Record<Field, MessageKey> = {
  nameJa: "settingsBrand.nameJa",
  nameEn: "settingsBrand.nameEn",
  portalNameJa: "settingsBrand.portalNameJa",
  portalNameEn: "settingsBrand.portalNameEn",
  departmentJa: "settingsBrand.departmentJa",
  departmentEn: "settingsBrand.departmentEn",
  addressJa: "settingsBrand.addressJa",
  addressEn: "settingsBrand.addressEn",
  contactEmail: "settingsBrand.contactEmail",
  contactPhone: "settingsBrand.contactPhone",
  brandColor: "settingsBrand.colour",
};
const HELP: Partial<Record<Field, MessageKey>> = {
  portalNameJa: "settingsBrand.portalNameHelpJa",
  portalNameEn: "settingsBrand.portalNameHelpEn",
  departmentJa: "settingsBrand.departmentHelp",
  departmentEn: "settingsBrand.departmentHelp",
  brandColor: "settingsBrand.colourHelp",
};
const REQUIRED: Field[] = ["nameJa", "nameEn"];
const INPUT_TYPE: Partial<Record<Field, string>> = { contactEmail: "email", contactPhone: "tel" };
const PROFILE = BRAND_FIELDS.filter((f) => f !== "brandColor");

/** The organisation's profile and brand colour; the logo has a form of its own (LogoForm). */
export function BrandForm({ values }: { values: TBrand }) {
  const { t } = useI18n();
  const form = useForm<Input, unknown, TBrand>({
    resolver: lazyResolver(() => import("@/lib/validation/brand").then((m) => m.ZBrand)),
    defaultValues: values,
  });
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, updateBrand, {
    saved: "settingsBrand.saved",
  });
  const colour = form.watch("brandColor");
  const field = (name: Field) => (
    <TextField
      key={name}
      id={`brand-${name}`}
      label={t(LABELS[name])}
      hint={HELP[name] && t(HELP[name])}
      error={errors[name]?.message}
      required={REQUIRED.includes(name)}
      type={INPUT_TYPE[name] ?? "text"}
      registration={form.register(name)}
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate className="panel" aria-labelledby="brand-profile-title">
      <h2 id="brand-profile-title">{t("settingsBrand.profileTitle")}</h2>
      <div className="pairs">{PROFILE.map(field)}</div>
      <h2>{t("settingsBrand.colourTitle")}</h2>
      <div className="colour-field">
        {field("brandColor")}
        <input
          type="color"
          aria-label={t("settingsBrand.colourPicker")}
          value={isHexColour(colour ?? "") ? colour : "#0b5cab"}
          onChange={(e) => form.setValue("brandColor", e.target.value, { shouldDirty: true })}
        />
        <span
          className="swatch"
          data-testid="colour-preview"
          style={isHexColour(colour ?? "") ? { background: colour } : undefined}
        >
          {t("settingsBrand.colourPreview")}
        </span>
      </div>
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("settingsBrand.save")}</SubmitButton>
    </form>
  );
}
