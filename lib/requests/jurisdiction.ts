// Which law applies to a request (issue 14): pure rules and vocabulary, no I/O. The organisation's
// own establishment brings its law always (a Japanese business: APPI); where the person lives
// brings that place's law (GDPR Art. 3(2) for people in the EU/EEA, UK GDPR, CCPA for California
// residents, PIPA for Korea, LGPD Art. 3 for Brazil). Staff may change the set with a note.

export const JURISDICTIONS = ["JP", "EU", "UK", "US_CA", "KR", "BR"] as const;
export type JurisdictionCode = (typeof JURISDICTIONS)[number];

/** EU member states and the EEA states that apply the GDPR (Iceland, Liechtenstein, Norway). */
export const EU_EEA_COUNTRIES = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
  "IS",
  "LI",
  "NO",
] as const;

/** The countries the form offers by name; anywhere else is OTHER (the establishment's law only). */
export const RESIDENCE_COUNTRIES = [
  "JP",
  "KR",
  "US",
  "GB",
  "BR",
  ...EU_EEA_COUNTRIES,
  "OTHER",
] as const;
export type ResidenceCountry = (typeof RESIDENCE_COUNTRIES)[number];

/** For the United States only: California, or another state (no state privacy law applied here). */
export const US_REGIONS = ["CA", "OTHER"] as const;
export type UsRegion = (typeof US_REGIONS)[number];

export interface Residence {
  country: ResidenceCountry;
  /** US only: CA or OTHER; empty elsewhere. */
  region: string;
}

export type JurisdictionReason = "ESTABLISHMENT" | "RESIDENCE" | "STAFF";

export interface ApplicableLaw {
  jurisdiction: JurisdictionCode;
  reason: JurisdictionReason;
}

const isEuEea = (country: string) => (EU_EEA_COUNTRIES as readonly string[]).includes(country);

/** The jurisdiction a residence brings, if any. */
export function residenceJurisdiction(residence: Residence): JurisdictionCode | null {
  const { country, region } = residence;
  if (country === "JP") return "JP";
  if (country === "KR") return "KR";
  if (country === "BR") return "BR";
  if (country === "GB") return "UK";
  if (country === "US") return region === "CA" ? "US_CA" : null;
  return isEuEea(country) ? "EU" : null;
}

/**
 * The laws a request answers to, each with why: the establishments first, then the residence's
 * (once: a Japanese resident of a Japanese business is under APPI for one reason).
 */
export function jurisdictionsFor(
  residence: Residence | null,
  establishments: readonly JurisdictionCode[],
): ApplicableLaw[] {
  const laws: ApplicableLaw[] = [];
  for (const jurisdiction of establishments)
    if (!laws.some((l) => l.jurisdiction === jurisdiction))
      laws.push({ jurisdiction, reason: "ESTABLISHMENT" });
  const resident = residence ? residenceJurisdiction(residence) : null;
  if (resident && !laws.some((l) => l.jurisdiction === resident))
    laws.push({ jurisdiction: resident, reason: "RESIDENCE" });
  return laws;
}

/** A stored residence read back (free strings in the database), or null when unknown. */
export function toResidence(country: string | null, region: string | null): Residence | null {
  if (!country || !(RESIDENCE_COUNTRIES as readonly string[]).includes(country)) return null;
  return { country: country as ResidenceCountry, region: country === "US" ? (region ?? "") : "" };
}
