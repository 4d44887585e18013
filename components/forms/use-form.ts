import {
  get,
  useForm as useHookForm,
  type FieldValues,
  type UseFormProps,
  type UseFormReturn,
} from "react-hook-form";

import { INITIAL } from "./initial";

// react-hook-form's useForm, with one addition: each registration carries its field's default
// value (under a symbol, so spreading it onto an element never reaches the DOM), and the layer's
// fields (field.tsx) render it as the element's defaultValue or defaultChecked. Without it the
// server's HTML shows every field empty (or a select's first option) until react-hook-form sets
// the defaults as it attaches; with forms that load when first used (defer-until-used.tsx) that
// HTML is what people see until they touch the form. Every form takes useForm from here
// (fields.test.ts).

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
