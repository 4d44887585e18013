import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { locales } from "@/lib/i18n/config";

import { config, proxy } from "@/proxy";

// The matcher's patterns are path-to-regexp patterns that are also plain regular expressions; read
// as such, with the `has` conditions applied as Next.js applies them (a header present and, with a
// value, matching it), they say which requests the proxy sees. e2e/embedded-demo.spec.ts follows
// the redirect for real, e2e/site-errors.spec.ts the refusals.
type Entry = (typeof config.matcher)[number];

type Condition = { type: "header"; key: string; value?: string };

function conditionsMet(entry: Entry, headers: Record<string, string>): boolean {
  if (typeof entry === "string") return true;
  return (entry.has as readonly Condition[]).every((condition) => {
    const value = headers[condition.key];
    if (!value) return false;
    return condition.value === undefined || new RegExp(`^${condition.value}$`).test(value);
  });
}

const seenByProxy = (path: string, headers: Record<string, string> = {}) =>
  config.matcher.some(
    (entry) =>
      new RegExp(`^${typeof entry === "string" ? entry : entry.source}$`).test(path) &&
      conditionsMet(entry, headers),
  );

describe("the proxy's matcher", () => {
  it("skips every page view that already starts with a locale, and only those", () => {
    for (const locale of locales) {
      expect(seenByProxy(`/${locale}`), locale).toBe(false);
      expect(seenByProxy(`/${locale}/`), locale).toBe(false);
      expect(seenByProxy(`/${locale}/me/ledger`), locale).toBe(false);
      expect(seenByProxy(`/${locale}/me/ledger`, { "content-type": "text/plain" })).toBe(false);
    }
    for (const path of ["/", "/privacy", "/me/ledger", "/jazz", "/fr/privacy", "/enable"])
      expect(seenByProxy(path), path).toBe(true);
  });

  it("skips the API, Next's own files, public/ and the benchmark floors", () => {
    for (const path of [
      "/api/auth/session",
      "/_next/static/x.js",
      "/bench/queue-floor",
      "/favicon.ico",
      "/robots.txt",
      "/brand/logo.svg",
      "/.well-known/gpc.json",
    ])
      expect(seenByProxy(path), path).toBe(false);
  });

  it("sees whatever may be a server action, on every page path", () => {
    const headerSets: Record<string, string>[] = [
      { "next-action": "40ab" },
      { origin: "https://x.example" },
      { "content-type": "multipart/form-data; boundary=x" },
    ];
    for (const headers of headerSets)
      for (const path of ["/ja/sign-in", "/en/me/requests/R-1", "/bench/queue-floor", "/"]) {
        expect(seenByProxy(path, headers), `${path} ${JSON.stringify(headers)}`).toBe(true);
        expect(seenByProxy(`/api${path}`, headers), path).toBe(false);
        expect(seenByProxy(`/_next${path}`, headers), path).toBe(false);
      }
  });

  it("sees every path with a percent sign, to refuse those that do not decode", () => {
    for (const path of ["/ja/%ZZ", "/api/v1/subjects/%E0%A4%A/items", "/en/me/requests/R%2D1"])
      expect(seenByProxy(path), path).toBe(true);
  });
});

describe("the proxy", () => {
  const request = (path: string, init: ConstructorParameters<typeof NextRequest>[1] = {}) =>
    new NextRequest(new URL(path, "http://localhost:3000"), init);

  it("refuses a path whose percent-encoding does not decode, with or without a locale", async () => {
    for (const path of ["/ja/%ZZ", "/%E0%A4%A", "/api/v1/subjects/%ZZ/items"])
      expect((await proxy(request(path))).status, path).toBe(400);
    expect((await proxy(request("/ja/%E3%81%82"))).headers.get("x-middleware-next")).toBe("1");
  });

  it("redirects paths without a locale to Japanese", async () => {
    const response = await proxy(request("/privacy"));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("http://localhost:3000/ja/privacy");
  });

  it("passes a well-formed server action on, and refuses a forged one without redirecting", async () => {
    const call = (origin: string) =>
      request("/ja/sign-in", {
        method: "POST",
        body: "[]",
        headers: {
          host: "localhost:3000",
          origin,
          "next-action": "40ab8135f5e00cc2b77f30e44ef37334c08356daa4",
          "content-type": "text/plain;charset=UTF-8",
          "content-length": "2",
        },
      });
    const passed = await proxy(call("http://localhost:3000"));
    expect(passed.headers.get("x-middleware-next")).toBe("1");
    const refused = await proxy(call("https://evil.example"));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/refused/i);
  });
});
