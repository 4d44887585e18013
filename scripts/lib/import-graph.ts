import { existsSync, statSync } from "node:fs";
import path from "node:path";

// For tests that follow the project's static imports (lib/validation/zod.test.ts,
// lib/i18n/client-messages.test.ts): which project file an import names.

/** The project file `spec` names from `from` ("@/…" or relative); null for packages. */
export function resolveImport(root: string, from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(root, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const ext of ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}
