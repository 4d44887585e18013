import { readFileSync } from "node:fs";
import path from "node:path";

import type { APIRequestContext } from "@playwright/test";

import { E2E } from "./config";

// Calls a server action the way a forged client would: a POST with the action's id, found in the
// build's server-reference manifest, and the arguments as the body.

interface Manifest {
  node: Record<
    string,
    { filename?: string; exportedName?: string; workers?: Record<string, unknown> }
  >;
}

export function actionId(file: string, exportName: string): string {
  const manifest = JSON.parse(
    readFileSync(
      path.join(E2E.root, E2E.distDir, "server", "server-reference-manifest.json"),
      "utf8",
    ),
  ) as Manifest;
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename?.endsWith(file) && entry.exportedName === exportName) return id;
  }
  throw new Error(`no action ${exportName} in ${file}`);
}

export async function postAction(
  request: APIRequestContext,
  options: { baseURL: string; path: string; id: string; args: unknown[]; cookie?: string },
) {
  return request.post(`${options.baseURL}${options.path}`, {
    headers: {
      "Next-Action": options.id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: options.baseURL,
      ...(options.cookie ? { Cookie: `authjs.session-token=${options.cookie}` } : {}),
    },
    data: JSON.stringify(options.args),
  });
}
