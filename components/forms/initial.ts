// The default value a registration made by the layer's useForm (use-form.ts) carries, read by the
// field components (field.tsx) to render it in the server's HTML. A module of its own, without
// react-hook-form: a page that shows a field outside a form must not load react-hook-form for it.

export const INITIAL = Symbol.for("dsar.form.initial");

/** The default value a registration carries (undefined for a plain react-hook-form one). */
export function initialOf(registration: object | undefined): unknown {
  return registration ? (registration as { [INITIAL]?: unknown })[INITIAL] : undefined;
}

/** An input's or select's defaultValue from its registration, when it is one a field can show. */
export function initialValue(registration: object | undefined): string | number | undefined {
  const initial = initialOf(registration);
  return typeof initial === "string" || typeof initial === "number" ? initial : undefined;
}

/** Whether a checkbox or radio with `value` starts checked, from its registration. */
export function initialChecked(
  registration: object | undefined,
  type: "radio" | "checkbox",
  value: unknown,
): boolean | undefined {
  const initial = initialOf(registration);
  if (initial === undefined || initial === null) return undefined;
  const text = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");
  if (Array.isArray(initial)) return initial.map(text).includes(text(value));
  if (type === "radio") return text(initial) !== "" && text(initial) === text(value);
  return initial === true;
}
