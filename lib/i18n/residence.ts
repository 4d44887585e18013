import type { Residence } from "@/lib/requests/jurisdiction";

import type { Locale } from "./config";
import { countryName } from "./format";
import type { Translate } from "./translate";

/** A country of residence in words: its name, or "another country" for OTHER. */
export function countryLabel(locale: Locale, t: Translate, code: string): string {
  return code === "OTHER" ? t("requestForm.residence.otherCountry") : countryName(locale, code);
}

/** Where a person lives in words: "United States / California", "France", or unknown. */
export function residenceLabel(locale: Locale, t: Translate, residence: Residence | null): string {
  if (!residence) return t("jurisdictions.residenceUnknown");
  const state = residence.region
    ? t(`requestForm.residence.states.${residence.region as "CA"}`)
    : "";
  return [countryLabel(locale, t, residence.country), state].filter(Boolean).join(" / ");
}
