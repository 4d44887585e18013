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

export const config = {
  matcher: ["/((?!api|_next|bench|favicon.ico|robots.txt).*)"],
};
