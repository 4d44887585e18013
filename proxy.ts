import { NextResponse, type NextRequest } from "next/server";

import { defaultLocale, isLocale } from "@/lib/i18n/config";

// Comfort only: send paths without a locale to the Japanese version. Access control lives in
// the data layer (lib/data), never here.
export function proxy(request: NextRequest) {
  const first = request.nextUrl.pathname.split("/")[1];
  if (isLocale(first)) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = `/${defaultLocale}${request.nextUrl.pathname === "/" ? "" : request.nextUrl.pathname}`;
  return NextResponse.redirect(url);
}

// Paths that already start with a locale (every page the app links to) skip the proxy entirely:
// it would only pass them on, at the price of a proxy round per request. The locales are listed
// literally because the matcher must be static; lib/i18n/proxy-matcher.test.ts checks them
// against lib/i18n/config.ts.
export const config = {
  matcher: ["/((?!api|_next|bench|favicon.ico|robots.txt|ja/|ja$|en/|en$).*)"],
};
