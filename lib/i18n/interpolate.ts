// A message's {name} placeholders filled in. Apart from lib/i18n/translate.ts so that client code
// can use it without the whole catalogue, which translate.ts imports, entering the browser's
// module graph (lib/i18n/lazy-sections.ts relies on the sections being reachable only lazily).

export type MessageParams = Record<string, string | number>;

export function format(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}
