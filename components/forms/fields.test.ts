import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

// Issue 15: every form shares one field and submit layer (components/forms). A form that writes
// its own label, hint and error markup, or its own submit button, drifts from the others (an
// error not tied to its control, a button that can be pressed twice); this keeps them on it.

const root = path.resolve(import.meta.dirname, "..", "..");
const LAYER = ["components/forms/", "components/ui/"];

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(rel);
    return entry.name.endsWith(".tsx") && !entry.name.endsWith(".test.tsx") ? [rel] : [];
  });
}

const files = [...sources("app"), ...sources("components")]
  .filter((file) => !LAYER.some((dir) => file.startsWith(dir)))
  .map((file) => ({ file, text: readFileSync(path.join(root, file), "utf8") }));

const offending = (pattern: RegExp) =>
  files.filter(({ text }) => pattern.test(text)).map(({ file }) => file);

describe("the forms' one layer", () => {
  it("finds the forms", () => {
    expect(offending(/<form\b/).length).toBeGreaterThan(40);
  });

  it("draws every field through components/forms/field", () => {
    expect(offending(/className=["{`]+field\b/)).toEqual([]);
    expect(offending(/<FieldError\b/)).toEqual([]);
  });

  it("submits every form through SubmitButton", () => {
    expect(offending(/type="submit"/)).toEqual([]);
  });

  it("sends every react-hook-form form through useActionForm", () => {
    const own = files
      .filter(({ text }) => /\buseForm</.test(text) || /\buseForm\(/.test(text))
      .filter(({ text }) => !/\buseActionForm\(/.test(text) && !/\buseConfigForm\(/.test(text))
      .map(({ file }) => file);
    expect(own).toEqual([]);
  });

  it("takes useForm from the layer, whose fields render their defaults in the server's HTML", () => {
    expect(offending(/import \{[^}]*\buseForm\b[^}]*\} from "react-hook-form"/)).toEqual([]);
  });
  it("lets a field be shown without loading react-hook-form (only types imported)", () => {
    // field.tsx is on pages with no form of react-hook-form (filters, lists); a value import of
    // react-hook-form, even through a helper, put its 14 kB on their first load.
    for (const file of ["components/forms/field.tsx", "components/forms/initial.ts"]) {
      const text = readFileSync(path.join(root, file), "utf8");
      expect(text, file).not.toMatch(/^import (?!type )[^;]*from "react-hook-form"/m);
      expect(text, file).not.toMatch(/from "\.\/use-form"/);
    }
  });
});

describe("the tables' one layer", () => {
  it("stacks every table on phones through StackTable", () => {
    expect(offending(/className="stack"|stackLabels\(/)).toEqual([]);
  });
});
