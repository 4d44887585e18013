import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";
import type { input, output, ZodType } from "zod";

// The forms check their values in the browser with the server's own zod schemas, but zod is about
// 45 kB of the 150 kB a page may load first (issue 15). So a form's schema module in
// lib/validation is imported dynamically, the first time the form is checked (usually its first
// submit), never with the page; lib/validation/zod.test.ts keeps static imports out of client
// components. Should that chunk fail to arrive (the connection dropped), the form goes to the
// server unchecked, and the server action checks it against the same schema and answers with the
// same field errors.

/** `load` once, when first asked; undefined when it failed (tried again on the next call). */
export function lazy<T>(load: () => Promise<T>): () => Promise<T | undefined> {
  let pending: Promise<T | undefined> | undefined;
  return () =>
    (pending ??= load().catch(() => {
      pending = undefined;
      return undefined;
    }));
}

/** react-hook-form's zod resolver around a schema loaded by `load` (a dynamic import). */
export function lazyResolver<S extends ZodType<unknown, FieldValues>>(
  load: () => Promise<S>,
): Resolver<input<S>, unknown, output<S>> {
  const resolver = lazy(() =>
    load().then(
      (schema) => zodResolver(schema) as unknown as Resolver<input<S>, unknown, output<S>>,
    ),
  );
  return async (values, context, options) => {
    const resolve = await resolver();
    if (!resolve) return { values: values as unknown as output<S>, errors: {} };
    return resolve(values, context, options);
  };
}
