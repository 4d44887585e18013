import type { Jurisdiction } from "@/lib/generated/prisma/enums";

import { EU_EEA_COUNTRIES } from "./jurisdiction";

// Transfers to third countries (GDPR and UK GDPR Chapter V): a person under either law has the
// right to be told the safeguards of a transfer of their data (Art.15(2)). What counts as a third
// country depends on the law: outside the EU/EEA for the GDPR, outside the UK for the UK GDPR.

type TransferLaw = Extract<Jurisdiction, "EU" | "UK">;

const THIRD_COUNTRY: Record<TransferLaw, (country: string) => boolean> = {
  EU: (country) => !(EU_EEA_COUNTRIES as readonly string[]).includes(country),
  UK: (country) => country !== "GB",
};

/** The laws among a request's under which sending data to `country` is a third-country transfer. */
export function transferLaws(
  jurisdictions: readonly Jurisdiction[],
  country: string | null,
): TransferLaw[] {
  if (!country) return [];
  return (["EU", "UK"] as const).filter(
    (law) => jurisdictions.includes(law) && THIRD_COUNTRY[law](country),
  );
}
