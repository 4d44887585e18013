import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { drpOpenApiDocument } from "./openapi";

// Every route under app/api/drp/v1 is described in the DRP OpenAPI document, with each method it
// exports, and every $ref resolves.

const root = path.resolve(import.meta.dirname, "../../app/api/drp");
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

describe("the DRP OpenAPI document", () => {
  const files = routes(path.join(root, "v1"));

  it("finds the routes", () => {
    expect(files.length).toBe(3);
  });

  it.each(files.map((f) => [toOpenApiPath(f), f]))("describes %s", (apiPath, file) => {
    const paths = drpOpenApiDocument.paths as Record<string, Record<string, unknown>>;
    const entry = paths[apiPath];
    expect(entry, `${apiPath} is missing from lib/drp/openapi.ts`).toBeDefined();
    const source = readFileSync(file, "utf8");
    let methods = 0;
    for (const method of METHODS) {
      if (new RegExp(`export (async function|const|function) ${method}\\b`).test(source)) {
        methods++;
        expect(entry?.[method.toLowerCase()], `${method} ${apiPath}`).toBeDefined();
      }
    }
    expect(methods).toBeGreaterThan(0);
  });

  it("is OpenAPI 3.1 and every $ref resolves", () => {
    expect(drpOpenApiDocument.openapi).toBe("3.1.0");
    const refs = JSON.stringify(drpOpenApiDocument).match(/#\/components\/schemas\/\w+/g) ?? [];
    expect(refs.length).toBeGreaterThan(5);
    const schemas = drpOpenApiDocument.components.schemas as Record<string, unknown>;
    for (const ref of new Set(refs)) expect(schemas[ref.split("/").pop()!]).toBeDefined();
  });
});
