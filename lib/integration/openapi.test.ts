import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { openApiDocument } from "./openapi";

// Every route under app/api/v1 is described in the OpenAPI document, with each method it exports.

const root = path.resolve(import.meta.dirname, "../../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routes(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routes(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

const toOpenApiPath = (file: string) =>
  `/${path.relative(root, path.dirname(file)).split(path.sep).join("/")}`.replace(
    /\[([^\]]+)\]/g,
    "{$1}",
  );

describe("the OpenAPI document", () => {
  const files = routes(root);

  it("finds the routes", () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files.map((f) => [toOpenApiPath(f), f]))("describes %s", (apiPath, file) => {
    const paths = openApiDocument.paths as Record<string, Record<string, unknown>>;
    const entry = paths[apiPath];
    expect(entry, `${apiPath} is missing from openapi.ts`).toBeDefined();
    const source = readFileSync(file, "utf8");
    for (const method of METHODS) {
      if (new RegExp(`export (async function|const) ${method}\\b`).test(source))
        expect(entry?.[method.toLowerCase()], `${method} ${apiPath}`).toBeDefined();
    }
  });

  it("is OpenAPI 3.1 and every $ref resolves", () => {
    expect(openApiDocument.openapi).toBe("3.1.0");
    const refs = JSON.stringify(openApiDocument).match(/#\/components\/schemas\/\w+/g) ?? [];
    const schemas = openApiDocument.components.schemas as Record<string, unknown>;
    for (const ref of new Set(refs)) expect(schemas[ref.split("/").pop()!]).toBeDefined();
  });
});
