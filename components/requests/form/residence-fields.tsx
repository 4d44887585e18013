"use client";

import { useFormContext, useWatch } from "react-hook-form";

import { ChoiceGroup, SelectField } from "@/components/forms/field";
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
    <ChoiceGroup
      id="residence"
      legend={t("requestForm.residence.title")}
      hint={t("requestForm.residence.help")}
    >
      <div className="row">
        <SelectField
          id="residence-country"
          label={t("requestForm.residence.country")}
          error={countryError}
          describedBy="residence-hint"
          registration={register("residence.country")}
        >
          {RESIDENCE_COUNTRIES.map((code) => (
            <option key={code} value={code}>
              {label(code)}
            </option>
          ))}
        </SelectField>
        {country === "US" && (
          <SelectField
            id="residence-region"
            label={t("requestForm.residence.state")}
            error={regionError}
            registration={register("residence.region")}
          >
            <option value="">{t("requestForm.residence.chooseState")}</option>
            {US_REGIONS.map((code) => (
              <option key={code} value={code}>
                {t(`requestForm.residence.states.${code}`)}
              </option>
            ))}
          </SelectField>
        )}
      </div>
    </ChoiceGroup>
  );
}
