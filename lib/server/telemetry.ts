// OpenTelemetry (issue 17): traces and metrics for operators, exported over OTLP/HTTP when
// OTEL_EXPORTER_OTLP_ENDPOINT is set, off (nothing loaded) otherwise. Started by
// lib/server/register.ts before anything opens a database connection, so the pg instrumentation
// sees every query. Spans: each HTTP request (the http instrumentation), Next.js's own spans of
// its rendering (it reports to the registered tracer), every SQL statement Prisma's pg pool runs,
// and each job batch a worker takes (lib/jobs/handlers.ts). Metrics: the http instrumentation's
// request durations. Span names and attributes are routes, statements' shapes and queue names:
// the pg instrumentation is told not to record statement parameters, which are people's data.

import type { SpanProcessor } from "@opentelemetry/sdk-trace";

import { routeOf } from "@/lib/http/access-log";

/** Attributes that may hold a path (a reference, a token) or its query string. */
const PATH_ATTRIBUTES = ["http.target", "http.url", "url.full", "url.path", "url.query"];
/** Attributes that hold the client's address. */
const CLIENT_ATTRIBUTES = ["client.address", "network.peer.address", "net.peer.ip"];

/**
 * The one place spans lose what must not leave the app, whichever instrumentation (or Next.js
 * itself, whose request spans carry the path with its query string in `http.target`) set it:
 * before a span is exported, path attributes become the route's pattern (as the access log
 * writes it) and client addresses are emptied.
 */
const scrubSpans: SpanProcessor = {
  onStart: () => undefined,
  onEnding(span) {
    const attributes = (span as unknown as { attributes: Record<string, unknown> }).attributes;
    const route = attributes["http.route"] ?? attributes["next.route"];
    for (const key of PATH_ATTRIBUTES)
      if (key in attributes)
        span.setAttribute(
          key,
          key === "url.query" ? "" : typeof route === "string" ? route : "(other)",
        );
    for (const key of CLIENT_ATTRIBUTES) if (key in attributes) span.setAttribute(key, "");
  },
  onEnd: () => undefined,
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

let started: Promise<{ shutdown: () => Promise<void> }> | undefined;

export function startTelemetry(options: {
  endpoint: string;
  serviceName?: string;
}): Promise<{ shutdown: () => Promise<void> }> {
  started ??= (async () => {
    const [
      { BatchSpanProcessor },
      { NodeSDK },
      { OTLPTraceExporter },
      { OTLPMetricExporter },
      { PeriodicExportingMetricReader },
      { HttpInstrumentation },
      { PgInstrumentation },
    ] = await Promise.all([
      import("@opentelemetry/sdk-trace"),
      import("@opentelemetry/sdk-node"),
      import("@opentelemetry/exporter-trace-otlp-http"),
      import("@opentelemetry/exporter-metrics-otlp-http"),
      import("@opentelemetry/sdk-metrics"),
      import("@opentelemetry/instrumentation-http"),
      import("@opentelemetry/instrumentation-pg"),
    ]);
    const base = options.endpoint.replace(/\/+$/, "");
    const sdk = new NodeSDK({
      serviceName: options.serviceName ?? "dsar-portal",
      spanProcessors: [
        scrubSpans,
        new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${base}/v1/traces` }) }),
      ],
      metricReaders: [
        new PeriodicExportingMetricReader({
          exporter: new OTLPMetricExporter({ url: `${base}/v1/metrics` }),
          exportIntervalMillis: 30_000,
        }),
      ],
      instrumentations: [
        new HttpInstrumentation({
          // The exporter's own posts are not requests of the app.
          ignoreOutgoingRequestHook: (request) =>
            typeof request.path === "string" && request.path.startsWith("/v1/"),
          // A request's span is named by the route that served it, as the access log line is
          // (its path and address attributes are scrubbed by scrubSpans).
          applyCustomAttributesOnSpan: (span, request) => {
            if (!("socket" in request) || "path" in request) return; // outgoing
            const route = routeOf(request.url);
            span.updateName(`${request.method ?? "GET"} ${route}`);
            span.setAttribute("http.route", route);
          },
        }),
        new PgInstrumentation({ enhancedDatabaseReporting: false }),
      ],
    });
    sdk.start();
    return { shutdown: () => sdk.shutdown() };
  })();
  return started;
}
