// @ts-check
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules",
      ".next",
      ".next-*",
      ".e2e*",
      "reports",
      ".data",
      "lib/generated",
      "tmp",
      "test-results",
      "playwright-report",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // Next.js route handlers and pages are async by contract even when they await nothing.
      "@typescript-eslint/require-await": "off",
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts." },
      ],
    },
  },
  {
    // Scripts, tests and tooling configure processes; they may read the environment.
    files: [
      "scripts/**",
      "e2e/**",
      "*.config.{js,ts}",
      "instrumentation.ts",
      "**/*.test.ts",
      "lib/env.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Specs read untyped rows from pg; the assertions are the type check there.
    files: ["e2e/**", "**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      "react-hooks/rules-of-hooks": "off",
    },
  },
  {
    // The legal core (issue 14): rules and vocabulary only, no I/O. Validation and engines import
    // from it, never the reverse; writes live in lib/data. lib/layers.test.ts proves the rule bites.
    files: ["lib/requests/**/*.ts", "lib/deadlines/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex:
                "^(@/lib/(data|db|audit|mail|jobs|actions|storage|integration|fulfilment)(/|$)|@/lib/generated/prisma/client|server-only$|next(/|$)|pg$|node:)",
              message: "The legal core holds rules only: no I/O. Put the write in lib/data.",
            },
          ],
        },
      ],
    },
  },
  {
    // Validation runs in the browser too: it may use the core, never the data layer.
    files: ["lib/validation/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/lib/(data|db|audit|mail|jobs|actions|storage)(/|$)|server-only$)",
              message: "Validation ships to the browser: import vocabulary from the legal core.",
            },
          ],
        },
      ],
    },
  },
  { files: ["**/*.js"], ...tseslint.configs.disableTypeChecked },
);
