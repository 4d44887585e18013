import { readFileSync } from "node:fs";
import type http from "node:http";
import path from "node:path";

import { log } from "@/lib/log";

// One access-log line per request (issue 17): method, the route's pattern (never the path itself,
// which may hold a reference or a token, nor the query string), status and time. The patterns come
// from the build's routes manifest, in Next.js's own order of matching; the built app's static
// files are logged at debug level only.

interface Route {
  page: string;
  regex: RegExp;
}

let routes: Route[] | undefined;

function loadRoutes(): Route[] {
  if (routes) return routes;
  try {
    // eslint-disable-next-line no-restricted-properties -- the build's folder, as next.config.js reads it (a test slot's build); not a setting of the product
    const dist = process.env.NEXT_DIST_DIR ?? ".next";
    const manifest = JSON.parse(
      readFileSync(path.join(process.cwd(), dist, "routes-manifest.json"), "utf8"),
    ) as {
      staticRoutes?: { page: string; regex: string }[];
      dynamicRoutes?: typeof manifest.staticRoutes;
    };
    routes = [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].map((r) => ({
      page: r.page,
      regex: new RegExp(r.regex),
    }));
  } catch {
    routes = []; // no build (a test server): every path is "other"
  }
  return routes;
}

/** The route pattern a path is served by ("/[locale]/me/requests/[reference]"), or a bucket. */
export function routeOf(url: string | undefined): string {
  const pathname = (url ?? "/").split("?")[0]!;
  if (pathname.startsWith("/_next/static/")) return "/_next/static";
  if (pathname.startsWith("/_next/image")) return "/_next/image";
  return loadRoutes().find((r) => r.regex.test(pathname))?.page ?? "(other)";
}

/** Logs the request when its response has been sent (or the connection closed first). */
export function logAccess(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  requestId: string,
): void {
  const started = process.hrtime.bigint();
  let done = false;
  const write = () => {
    if (done) return;
    done = true;
    const route = routeOf(request.url);
    const fields = {
      requestId,
      method: request.method ?? "",
      route,
      status: response.statusCode,
      ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      ...(response.writableFinished ? {} : { aborted: true }),
    };
    if (route === "/_next/static") log.debug("request", fields);
    else log.info("request", fields);
  };
  response.once("finish", write);
  response.once("close", write);
}
