import {
  get,
  useForm as useHookForm,
  type FieldValues,
  type UseFormProps,
  type UseFormReturn,
} from "react-hook-form";

// react-hook-form's useForm, with one addition: each registration carries its field's default
// value (under a symbol, so spreading it onto an element never reaches the DOM), and the layer's
// fields (field.tsx) render it as the element's defaultValue or defaultChecked. Without it the
// server's HTML shows every field empty (or a select's first option) until react-hook-form sets
// the defaults as it attaches; with forms that load when first used (defer-until-used.tsx) that
// HTML is what people see until they touch the form. Every form takes useForm from here
// (fields.test.ts).

const INITIAL = Symbol("initial");
const PATCHED = Symbol("patched");

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- react-hook-form's own default
export function useForm<T extends FieldValues = FieldValues, C = any, V = T>(
  props?: UseFormProps<T, C, V>,
): UseFormReturn<T, C, V> {
  const form: UseFormReturn<T, C, V> & { [PATCHED]?: true } = useHookForm(props);
  const patched = form;
  if (!patched[PATCHED]) {
    // The form object is react-hook-form's, kept across renders: patched once, so its identity
    // (and the hooks that depend on it) is unchanged.
    const register = form.register;
    const defaults = typeof props?.defaultValues === "object" ? props.defaultValues : undefined;
    const withInitial: typeof register = (name, options) => {
      const initial: unknown = defaults ? get(defaults, name) : undefined;
      return Object.assign(register(name, options), { [INITIAL]: initial });
    };
    patched.register = withInitial;
    patched[PATCHED] = true;
  }
  return form;
}

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
