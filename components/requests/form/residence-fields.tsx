"use client";

import { useFormContext, useWatch } from "react-hook-form";

import { FieldError } from "@/components/forms/field-error";
import { useI18n } from "@/components/i18n/i18n-provider";
import { countryLabel } from "@/lib/i18n/residence";
import { RESIDENCE_COUNTRIES, US_REGIONS } from "@/lib/requests/jurisdiction";

import { useFieldError } from "./fields";
import type { FormValues } from "./form-values";

/**
 * Where the person the request is about lives: it decides which laws apply and so the deadline.
 * Country names come from the browser's own region names in the page's language.
 */
export function ResidenceFields() {
  const { locale, t } = useI18n();
  const { register, control } = useFormContext<FormValues>();
  const country = useWatch({ control, name: "residence.country" });
  const countryError = useFieldError("residence.country");
  const regionError = useFieldError("residence.region");
  const label = (code: string) => countryLabel(locale, t, code);
  return (
    <fieldset className="field">
      <legend>{t("requestForm.residence.title")}</legend>
      <p className="help" id="residence-help">
        {t("requestForm.residence.help")}
      </p>
      <div className="row">
        <div className="field">
          <label htmlFor="residence-country">{t("requestForm.residence.country")}</label>
          <select
            id="residence-country"
            aria-invalid={countryError ? true : undefined}
            aria-describedby={
              countryError ? "residence-help residence-country-error" : "residence-help"
            }
            {...register("residence.country")}
          >
            {RESIDENCE_COUNTRIES.map((code) => (
              <option key={code} value={code}>
                {label(code)}
              </option>
            ))}
          </select>
          <FieldError id="residence-country-error" message={countryError} />
        </div>
        {country === "US" && (
          <div className="field">
            <label htmlFor="residence-region">{t("requestForm.residence.state")}</label>
            <select
              id="residence-region"
              aria-invalid={regionError ? true : undefined}
              aria-describedby={regionError ? "residence-region-error" : undefined}
              {...register("residence.region")}
            >
              <option value="">{t("requestForm.residence.chooseState")}</option>
              {US_REGIONS.map((code) => (
                <option key={code} value={code}>
                  {t(`requestForm.residence.states.${code}`)}
                </option>
              ))}
            </select>
            <FieldError id="residence-region-error" message={regionError} />
          </div>
        )}
      </div>
    </fieldset>
  );
}
