import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// `npm start` (and `npm run bench`, in its own folder) builds when there is no production build
// or the sources are newer than it.
export const BUILD_SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package-lock.json",
  "prisma/schema.prisma",
  "tsconfig.json",
];
const SKIP = new Set(["generated", "node_modules", ".next"]);

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (SKIP.has(entry)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** Why the build in `distDir` must be made again (no build, or the first newer source), or null. */
export function staleBuildReason(root: string, distDir = ".next"): string | null {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (!existsSync(buildId)) return `no ${distDir}/BUILD_ID`;
  const built = statSync(buildId).mtimeMs;
  return BUILD_SOURCES.find((s) => newestMtime(path.join(root, s)) > built) ?? null;
}

export function buildIsStale(root: string, distDir = ".next"): boolean {
  return staleBuildReason(root, distDir) !== null;
}
