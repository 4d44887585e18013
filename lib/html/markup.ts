// Server-built HTML for long, non-interactive lists (the ledger's rows): one escaped string
// instead of a React element per cell, so a 50-row page is not serialised element by element into
// both the HTML and the RSC payload. Every interpolated value is escaped; only Markup from `markup`
// itself passes through unescaped.

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Markup that is already safe HTML (built by `markup`). */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = string | number | Markup | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return "";
  if (part instanceof Markup) return part.value;
  if (Array.isArray(part)) return (part as readonly Part[]).map(render).join("");
  return escapeHtml(String(part));
}

/** A tagged template: `markup\`<td>${value}</td>\`` escapes `value` unless it is Markup. */
export function markup(strings: TemplateStringsArray, ...values: Part[]): Markup {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
  return new Markup(out);
}
