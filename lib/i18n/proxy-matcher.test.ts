import { describe, expect, it } from "vitest";

import { locales } from "@/lib/i18n/config";

import { config } from "@/proxy";

// The matcher is a path-to-regexp pattern that is also a plain regular expression; read as one
// it says which paths the proxy sees. e2e/embedded-demo.spec.ts follows the redirect for real.
const seenByProxy = (path: string) =>
  config.matcher.some((pattern) => new RegExp(`^${pattern}$`).test(path));

describe("the proxy's matcher", () => {
  it("skips every path that already starts with a locale, and only those", () => {
    for (const locale of locales) {
      expect(seenByProxy(`/${locale}`), locale).toBe(false);
      expect(seenByProxy(`/${locale}/`), locale).toBe(false);
      expect(seenByProxy(`/${locale}/me/ledger`), locale).toBe(false);
    }
    for (const path of ["/", "/privacy", "/me/ledger", "/jazz", "/fr/privacy", "/enable"])
      expect(seenByProxy(path), path).toBe(true);
  });

  it("skips the API, Next's own files and the benchmark floors", () => {
    for (const path of [
      "/api/auth/session",
      "/_next/static/x.js",
      "/bench/queue-floor",
      "/favicon.ico",
    ])
      expect(seenByProxy(path), path).toBe(false);
  });
});
