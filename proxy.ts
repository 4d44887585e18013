import { NextResponse, type NextRequest } from "next/server";

import { checkActionRequest } from "@/lib/http/check-action-request";
import { refuse } from "@/lib/http/refuse";
import { defaultLocale } from "@/lib/i18n/config";

// Two jobs, neither of them access control (that lives in the data layer, lib/data):
// - comfort: paths without a locale go to the Japanese version;
// - request hygiene: requests that Next.js would answer with a 500 before any of our code runs get
//   their own 4xx here: a path whose percent-encoding does not decode (Next.js means to answer
//   400 but has no page to do it with in an app without the pages router), and a server-action
//   POST its action handler refuses (foreign origin, no length, too large, a body it cannot
//   decode; lib/http/check-action-request.ts).
export async function proxy(request: NextRequest) {
  if (!decodes(request.nextUrl.pathname)) return refuse(400, "Malformed URL.");
  const refusal = await checkActionRequest(request);
  if (refusal) return refusal;
  if (!withoutLocale.test(request.nextUrl.pathname)) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = `/${defaultLocale}${request.nextUrl.pathname === "/" ? "" : request.nextUrl.pathname}`;
  return NextResponse.redirect(url);
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// Paths that already start with a locale (every page the app links to) skip the proxy entirely:
// it would only pass them on, at the price of a proxy round per request. Only requests that may be
// server actions come in for them: those with a Next-Action header, an Origin (which every
// browser POST carries; it also catches an empty Next-Action header, which a `has` condition
// cannot match) or a multipart body (forms posted without JavaScript); and paths with a percent
// sign. Page views have none of these. The patterns are literal because the matcher must be
// static; lib/i18n/proxy-matcher.test.ts checks them against lib/i18n/config.ts.
export const config = {
  matcher: [
    "/((?!api|_next|bench|brand/|\\.well-known/|favicon.ico|robots.txt|ja/|ja$|en/|en$).*)",
    { source: "/((?!api|_next).*)", has: [{ type: "header", key: "next-action" }] },
    { source: "/((?!api|_next).*)", has: [{ type: "header", key: "origin" }] },
    {
      source: "/((?!api|_next).*)",
      has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }],
    },
    "/(.*%.*)",
  ],
};

// The first pattern, read as a regular expression, is also the set of paths redirected: the other
// entries let in other paths only for their headers or a percent sign.
const withoutLocale = new RegExp(`^${config.matcher[0] as string}$`);
