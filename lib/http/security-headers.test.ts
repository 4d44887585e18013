import http from "node:http";

import { describe, expect, it } from "vitest";

import { applySecurityHeaders, contentSecurityPolicy, permissionsPolicy } from "./security-headers";

describe("security headers", () => {
  it("allow only scripts carrying the request's nonce, never inline or from elsewhere", () => {
    const policy = contentSecurityPolicy("abc123==", false);
    const script = policy.split("; ").find((d) => d.startsWith("script-src"));
    expect(script).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"])
      expect(policy).toContain(directive);
  });

  it("give each request a fresh nonce the client cannot choose, and HSTS over https", () => {
    const seen: string[] = [];
    for (const https of [false, true]) {
      const request = new http.IncomingMessage(null as never);
      request.url = "/ja/me";
      request.headers["content-security-policy"] = "script-src 'nonce-chosen-by-client'";
      const response = new http.ServerResponse(request);
      applySecurityHeaders(request, response, { https, dev: false });
      response.writeHead(200);
      const sent = String(response.getHeader("Content-Security-Policy"));
      expect(request.headers["content-security-policy"]).toBe(sent);
      expect(sent).not.toContain("chosen-by-client");
      seen.push(/'nonce-([^']+)'/.exec(sent)![1]!);
      expect(response.getHeader("Strict-Transport-Security") !== undefined).toBe(https);
    }
    expect(seen[0]).not.toBe(seen[1]);
  });

  it("give way to a route's own policy, set later", () => {
    const request = new http.IncomingMessage(null as never);
    request.url = "/api/staff/documents/x";
    for (const own of ["header", "writeHead"] as const) {
      const response = new http.ServerResponse(request);
      applySecurityHeaders(request, response, { https: false, dev: false });
      if (own === "header") {
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        response.writeHead(200);
      } else response.writeHead(200, { "content-security-policy": "default-src 'none'; sandbox" });
      expect(response.getHeader("Content-Security-Policy"), own).toBe(
        "default-src 'none'; sandbox",
      );
      expect(response.getHeader("Permissions-Policy")).toContain("camera=()");
    }
  });

  it("turn the camera on only where a person uploads an identity document", () => {
    expect(permissionsPolicy("/ja/me/requests/R-2026-000001")).toContain("camera=(self)");
    expect(permissionsPolicy("/ja/me/requests/R-2026-000001?filed=1")).toContain("camera=(self)");
    for (const path of ["/ja/me", "/ja/staff/requests/R-2026-000001", "/ja/me/requests/new"])
      expect(permissionsPolicy(path), path).toContain("camera=()");
    expect(permissionsPolicy("/ja/me")).toContain("microphone=()");
  });
});
