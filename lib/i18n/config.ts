export const locales = ["ja", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "ja";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The locale from a route param, falling back to Japanese. */
export function toLocale(value: unknown): Locale {
  return isLocale(value) ? value : defaultLocale;
}
