import { randomBytes } from "node:crypto";
import type http from "node:http";

// Headers every response carries, set where the request enters the server (lib/http/peer.ts
// stamps it there), before Next.js renders anything:
// - a Content-Security-Policy with a fresh nonce: Next.js reads the nonce from the request's own
//   content-security-policy header (which a client cannot choose: it is replaced here) and puts
//   it on every script it writes; no other script runs ('strict-dynamic', no 'unsafe-inline');
// - Strict-Transport-Security when the portal is served over https (AUTH_URL);
// - a Permissions-Policy that turns off what the portal never uses; the camera only where a
//   person uploads an identity document.
// A route that sets its own Content-Security-Policy (a file download's sandbox) replaces this one.

// A request's own page (where documents are uploaded), not the wizard at /me/requests/new.
const UPLOAD_PAGE = /^\/(ja|en)\/me\/requests\/(?!new(\/|\?|$))[^/?#]+(\?|$)/;

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    // Staff read identity documents (PDF) in a frame of the portal's own.
    "frame-src 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join("; ");
}

export function permissionsPolicy(path: string): string {
  const camera = UPLOAD_PAGE.test(path) ? "(self)" : "()";
  return [
    `camera=${camera}`,
    "microphone=()",
    "geolocation=()",
    "payment=()",
    "usb=()",
    "serial=()",
    "bluetooth=()",
    "browsing-topics=()",
  ].join(", ");
}

export function applySecurityHeaders(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  options: { https: boolean; dev: boolean },
): void {
  const nonce = randomBytes(16).toString("base64");
  const policy = contentSecurityPolicy(nonce, options.dev);
  request.headers["content-security-policy"] = policy;
  delete request.headers["content-security-policy-report-only"];
  const defaults: [string, string][] = [
    ["Content-Security-Policy", policy],
    ["Permissions-Policy", permissionsPolicy(request.url ?? "/")],
  ];
  if (options.https)
    defaults.push(["Strict-Transport-Security", "max-age=63072000; includeSubDomains"]);
  // Added as the head is written, where absent: a route's own policy (a download's sandbox, the
  // document viewer's) is set later than this and must win, and Next.js never overwrites a
  // header that is already there.
  const writeHead = response.writeHead.bind(response) as (...a: unknown[]) => http.ServerResponse;
  response.writeHead = (...args: unknown[]) => {
    const given = new Set(headerNames(args));
    for (const [name, value] of defaults)
      if (!response.hasHeader(name) && !given.has(name.toLowerCase()))
        response.setHeader(name, value);
    return writeHead(...args);
  };
}

/** The header names writeHead(status, [message], headers) was given directly, lower-cased. */
function headerNames(args: unknown[]): string[] {
  const headers = args.find((a, i) => i > 0 && typeof a === "object" && a !== null);
  if (!headers) return [];
  if (Array.isArray(headers)) {
    // [name, value, name, value] or [[name, value], …]
    return headers.flatMap((entry, i) =>
      Array.isArray(entry)
        ? [String(entry[0]).toLowerCase()]
        : i % 2 === 0
          ? [String(entry).toLowerCase()]
          : [],
    );
  }
  return Object.keys(headers).map((k) => k.toLowerCase());
}
