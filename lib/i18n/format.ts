import type { Locale } from "./config";

// Dates are shown in Japan time: the organisation's deadlines are counted there.
const TZ = "Asia/Tokyo";

// Building an Intl formatter costs far more than using one (it loads locale and time-zone data),
// and a page formats a date per row: formatters are made once per locale and kept.
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(
  key: string,
  locale: string,
  options: Intl.DateTimeFormatOptions,
  zone: string = TZ,
) {
  const cacheKey = `${key}:${zone}`;
  let f = cache.get(cacheKey);
  if (!f)
    cache.set(cacheKey, (f = new Intl.DateTimeFormat(locale, { timeZone: zone, ...options })));
  return f;
}

const tag = (locale: Locale) => (locale === "ja" ? "ja-JP" : "en-GB");

/** A calendar date, in Japan time unless another zone is given (a requester's own, see readerZone). */
export function formatDate(locale: Locale, date: Date | string, zone: string = TZ): string {
  return formatter(
    `date:${locale}`,
    tag(locale),
    { year: "numeric", month: "short", day: "numeric" },
    zone,
  ).format(new Date(date));
}

/**
 * A calendar date with its Japanese era beside it where Japanese readers expect one (birth dates,
 * letters): "1985年4月1日（昭和60年）", "2019年5月1日（令和元年）". English is as formatDate.
 */
export function formatDateWithEra(locale: Locale, date: Date | string, zone: string = TZ): string {
  const plain = formatDate(locale, date, zone);
  if (locale !== "ja") return plain;
  const era = formatter("era", "ja-JP-u-ca-japanese", { era: "long", year: "numeric" }, zone);
  return `${plain}（${era.format(new Date(date))}）`;
}

export function formatDateTime(locale: Locale, date: Date | string): string {
  return formatter(`datetime:${locale}`, tag(locale), {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(date));
}

/**
 * A date and time in another zone, with the zone's short name: "2026/02/28 23:59 GMT+1". For a
 * deadline counted in a jurisdiction's own time (lib/deadlines/calendar.ts).
 */
export function formatDateTimeIn(locale: Locale, date: Date | string, zone: string): string {
  return formatter(
    `datetime-zone:${locale}`,
    tag(locale),
    {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    },
    zone,
  ).format(new Date(date));
}

/** YYYY-MM-DD in Japan time, the organisation's calendar. */
export function jstDate(date: Date): string {
  return formatter("iso-date", "en-CA", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(date);
}

const regions = new Map<string, Intl.DisplayNames>();

/** A country's name in the given language, from its ISO 3166 code (the code when unknown). */
export function countryName(locale: string, code: string): string {
  try {
    let names = regions.get(locale);
    if (!names) regions.set(locale, (names = new Intl.DisplayNames([locale], { type: "region" })));
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** An item's name with the system that holds it: 電話番号（会員基盤） / Phone number (Member accounts). */
export function withSystem(locale: Locale, item: string, system: string): string {
  return locale === "ja" ? `${item}（${system}）` : `${item} (${system})`;
}

const money = new Map<string, Intl.NumberFormat>();

/** An amount held in the currency's minor unit (yen, pence, cents), e.g. "£10.00", "￥1,000". */
export function formatMoney(locale: Locale, amountMinor: number, currency: string): string {
  const key = `${locale}:${currency}`;
  let f = money.get(key);
  if (!f) money.set(key, (f = new Intl.NumberFormat(tag(locale), { style: "currency", currency })));
  const digits = f.resolvedOptions().maximumFractionDigits ?? 0;
  return f.format(amountMinor / 10 ** digits);
}
