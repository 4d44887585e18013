// A message's {name} placeholders filled in. Apart from lib/i18n/translate.ts so that client code
// can use it without the whole catalogue, which translate.ts imports, entering the browser's
// module graph (lib/i18n/lazy-sections.ts relies on the sections being reachable only lazily).
//
// A count that changes the words uses ICU MessageFormat's plural form, the subset the English
// catalogue needs: `{count, plural, one {# item} other {# items}}`, with `=N` for an exact number
// and `#` for the number itself; the form is chosen by the locale's plural rules (Intl).
// Japanese has no plural forms and needs none.

export type MessageParams = Record<string, string | number>;

// A plural form; each option's text may hold {name} placeholders but no further braces.
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|[a-z]+)\s*\{(?:[^{}]|\{\w+\})*\})+)\s*\}/g;
const OPTION = /(=\d+|[a-z]+)\s*\{((?:[^{}]|\{\w+\})*)\}/g;
const rules = new Map<string, Intl.PluralRules>();

export function format(template: string, params?: MessageParams, locale = "en"): string {
  if (!params) return template;
  return template
    .replace(PLURAL, (form, name: string, body: string) => {
      if (!(name in params)) return form;
      const value = params[name]!;
      // A number written out already ("1,200") takes the "other" form.
      const n = typeof value === "number" ? value : /^\d+$/.test(value) ? Number(value) : NaN;
      if (!rules.has(locale)) rules.set(locale, new Intl.PluralRules(locale));
      const options = new Map([...body.matchAll(OPTION)].map((m) => [m[1]!, m[2]!]));
      const text =
        options.get(`=${n}`) ??
        (Number.isNaN(n) ? undefined : options.get(rules.get(locale)!.select(n))) ??
        options.get("other");
      return text === undefined ? form : text.replaceAll("#", String(value));
    })
    .replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    );
}
