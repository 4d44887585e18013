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

/**
 * Next.js's own request spans set `http.target` to the path with its query string: before any
 * span is exported, such attributes become the route's pattern (as the access log writes it).
 */
const scrubPaths: SpanProcessor = {
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
  },
  onEnd: () => undefined,
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

let started: Promise<{ shutdown: () => Promise<void> }> | undefined;

export function startTelemetry(options: {
  endpoint: string;
  serviceName?: string;
  /** How often metrics are sent; the default suits a collector, tests pass less. */
  metricIntervalMs?: number;
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
        scrubPaths,
        new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${base}/v1/traces` }) }),
      ],
      metricReaders: [
        new PeriodicExportingMetricReader({
          exporter: new OTLPMetricExporter({ url: `${base}/v1/metrics` }),
          exportIntervalMillis: options.metricIntervalMs ?? 30_000,
        }),
      ],
      instrumentations: [
        new HttpInstrumentation({
          // The exporter's own posts are not requests of the app.
          ignoreOutgoingRequestHook: (request) =>
            typeof request.path === "string" && request.path.startsWith("/v1/"),
          // A request's span says which route served it, as the access log does: never the path
          // (a reference, a token), its query string or the client's address.
          applyCustomAttributesOnSpan: (span, request) => {
            if (!("socket" in request) || "path" in request) return; // outgoing: kept as sent
            const route = routeOf(request.url);
            span.updateName(`${request.method ?? "GET"} ${route}`);
            span.setAttributes({
              "http.route": route,
              "http.target": route,
              "http.url": route,
              "url.path": route,
              "url.full": route,
              "url.query": "",
              "net.peer.ip": "",
              "client.address": "",
              "network.peer.address": "",
            });
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
