import type { ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { startBuiltServer } from "./support/built-server";
import { E2E } from "./support/config";

// OpenTelemetry (issue 17): a server of the same build started with OTEL_EXPORTER_OTLP_ENDPOINT
// sends its spans over OTLP/HTTP (JSON) to a collector played here. A page's request is a server
// span named by its route, and the SQL the page runs are spans of the same trace beneath it. No
// span carries the path, a query string or the client's address.

interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
}

const port = E2E.pg.port + 9;
const baseURL = `http://127.0.0.1:${port}`;
const spans: Span[] = [];
let collector: http.Server;
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  test.skip(test.info().project.name !== "postgres", "one run is enough");
  collector = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      if (request.url === "/v1/traces") {
        const data = JSON.parse(body) as {
          resourceSpans: { scopeSpans: { spans: Span[] }[] }[];
        };
        for (const resource of data.resourceSpans)
          for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(collector.address() as { port: number }).port}`;
  server = startBuiltServer({
    port,
    env: {
      ...process.env,
      DATA_DIR: path.join(E2E.state, "data-telemetry"),
      DATABASE_URL: E2E.pg.url,
      SMTP_URL: `smtp://127.0.0.1:${E2E.smtp.port}`,
      AUTH_SECRET: E2E.authSecret,
      MASTER_KEY: E2E.masterKey,
      AUTH_URL: baseURL,
      WORKER_MODE: "off",
      LOG_LEVEL: "warn",
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      // Send finished spans within a fifth of a second instead of five.
      OTEL_BSP_SCHEDULE_DELAY: "200",
    },
  });
  await expect
    .poll(async () => (await fetch(`${baseURL}/api/health`).catch(() => null))?.status, {
      timeout: 60_000,
    })
    .toBe(200);
});

test.afterAll(() => {
  server?.kill("SIGTERM");
  collector?.close();
});

const attribute = (span: Span, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value ? Object.values(value)[0] : undefined;
};

test("a page's request is a span tree that reaches the database", async () => {
  const response = await fetch(`${baseURL}/ja/privacy/versions?from=telemetry-test`);
  expect(response.status).toBe(200);

  // The request's server span, named by its route.
  await expect
    .poll(
      () =>
        spans.filter((s) => s.name === "GET /[locale]/privacy/versions" && !s.parentSpanId).length,
      {
        timeout: 20_000,
      },
    )
    .toBeGreaterThan(0);
  // The http instrumentation's span (no parent): Next.js's own spans are beneath it.
  const root = spans.find((s) => s.name === "GET /[locale]/privacy/versions" && !s.parentSpanId)!;
  expect(attribute(root, "http.route")).toBe("/[locale]/privacy/versions");

  // SQL run for that page: pg spans of the same trace, each with the server span above it.
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const reaches = (span: Span): boolean => {
    for (
      let s: Span | undefined = span;
      s;
      s = s.parentSpanId ? byId.get(s.parentSpanId) : undefined
    )
      if (s.spanId === root.spanId) return true;
    return false;
  };
  await expect
    .poll(
      () =>
        spans.filter(
          (s) =>
            s.traceId === root.traceId &&
            (attribute(s, "db.system.name") ?? attribute(s, "db.system")) === "postgresql" &&
            reaches(s),
        ).length,
      { timeout: 20_000 },
    )
    .toBeGreaterThan(0);

  // Nothing of the path, the query string or the client's address in any span.
  const text = JSON.stringify(spans);
  expect(text).not.toContain("telemetry-test");
  const clientAddresses = spans.flatMap((s) =>
    ["client.address", "network.peer.address", "net.peer.ip", "http.client_ip"]
      .map((key) => attribute(s, key))
      .filter((value) => value !== undefined && value !== ""),
  );
  expect(clientAddresses).toEqual([]);
});
