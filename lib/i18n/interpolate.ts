// A message's {name} placeholders filled in. Apart from lib/i18n/translate.ts so that client code
// can use it without the whole catalogue, which translate.ts imports, entering the browser's
// module graph (lib/i18n/lazy-sections.ts relies on the sections being reachable only lazily).
//
// A count that changes the words uses ICU MessageFormat's plural form, the subset the English
// catalogue needs: `{count, plural, one {# item} other {# items}}`, with `=N` for an exact number
// and `#` for the number itself; the form is chosen by the locale's plural rules (Intl).
// Japanese has no plural forms and needs none.

export type MessageParams = Record<string, string | number>;

const rulesCache = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string): Intl.PluralRules {
  let rules = rulesCache.get(locale);
  if (!rules) rulesCache.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

/** The index just past the `}` that closes the `{` at `open`, or -1 when it is never closed. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i + 1;
  }
  return -1;
}

/** `one {…} other {…}` as a map from selector to its text. */
function pluralOptions(body: string): Map<string, string> | null {
  const options = new Map<string, string>();
  let rest = body.trim();
  while (rest) {
    const selector = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(rest);
    if (!selector) return null;
    const open = selector[0].length - 1;
    const end = closing(rest, open);
    if (end < 0) return null;
    options.set(selector[1]!, rest.slice(open + 1, end - 1));
    rest = rest.slice(end).trim();
  }
  return options.has("other") ? options : null;
}

const PLURAL_AT = /\{(\w+), plural,/y;
const NAME_AT = /\{(\w+)\}/y;

/** A parameter as a number for choosing a plural form: a number, or a string that is one. */
function asNumber(value: string | number | undefined): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return undefined;
}

export function format(template: string, params?: MessageParams, locale = "en"): string {
  if (!params) return template;
  let out = "";
  let i = 0;
  for (let open = template.indexOf("{"); open >= 0; open = template.indexOf("{", i)) {
    out += template.slice(i, open);
    PLURAL_AT.lastIndex = NAME_AT.lastIndex = open;
    const plural = PLURAL_AT.exec(template);
    if (plural) {
      const end = closing(template, open);
      const options = end > 0 ? pluralOptions(template.slice(PLURAL_AT.lastIndex, end - 1)) : null;
      const name = plural[1]!;
      if (options && name in params) {
        // A number written out already ("1,234") takes the "other" form.
        const value = asNumber(params[name]);
        const text =
          (value === undefined
            ? undefined
            : (options.get(`=${value}`) ?? options.get(pluralRules(locale).select(value)))) ??
          options.get("other")!;
        out += format(text.replaceAll("#", String(params[name])), params, locale);
        i = end;
        continue;
      }
    }
    const simple = NAME_AT.exec(template);
    if (simple && simple[1]! in params) {
      out += String(params[simple[1]!]);
      i = NAME_AT.lastIndex;
    } else {
      out += "{";
      i = open + 1;
    }
  }
  return out + template.slice(i);
}
