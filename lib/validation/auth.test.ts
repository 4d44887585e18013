import { describe, expect, it } from "vitest";

import { ZSignIn } from "./auth";

const next = (value: string) =>
  ZSignIn.safeParse({ locale: "ja", email: "a@example.jp", next: value }).success;

describe("where a sign-in link may lead", () => {
  it("goes to the person's own pages, with a download to start on a request page", () => {
    expect(next("/ja/me")).toBe(true);
    expect(next("/en/me/requests/R-2026-000001")).toBe(true);
    expect(next("/ja/me/requests/R-2026-000001?download=cmx9opwcd000vfi7d1c6l2zne")).toBe(true);
  });

  it("never leaves the portal or carries anything else", () => {
    for (const value of [
      "https://evil.example/ja/me",
      "//evil.example/ja/me",
      "/ja/staff",
      "/ja/me/../staff",
      "/ja/me?next=https://evil.example",
      "/ja/me/requests/R-1?download=a&x=1",
      "/ja/me/requests/R-1?download=<script>",
    ])
      expect(next(value), value).toBe(false);
  });
});
