import { expect, test } from "./support/fixtures";

// Operations (issue 17): liveness and readiness for load balancers and orchestrators, answered
// without a locale redirect and never cached.

test("/api/health says the process answers; /api/ready that its database, files and queue do", async ({
  request,
}) => {
  const health = await request.get("/api/health", { maxRedirects: 0 });
  expect(health.status()).toBe(200);
  expect(health.headers()["cache-control"]).toBe("no-store");
  expect(await health.json()).toEqual({ status: "ok" });

  // Every response carries the request's id (also in its log lines and audit events).
  expect(health.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

  const ready = await request.get("/api/ready", { maxRedirects: 0 });
  expect(ready.status()).toBe(200);
  expect(ready.headers()["cache-control"]).toBe("no-store");
  expect(await ready.json()).toEqual({
    status: "ready",
    checks: { database: "ok", storage: "ok", jobs: "ok" },
  });
});
