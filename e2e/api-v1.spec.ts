import { expect, test } from "@playwright/test";

// The integration API from outside, without a key: its OpenAPI document is served and lists every
// endpoint, and calls without a valid key are refused with the documented error shape.

test("the OpenAPI document is served and describes the endpoints", async ({ request }) => {
  const answer = await request.get("/api/v1/openapi.json");
  expect(answer.status()).toBe(200);
  const doc = (await answer.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths).sort()).toEqual([
    "/notice",
    "/openapi.json",
    "/provisions",
    "/receipts",
    "/subjects/{externalId}/items",
    "/subjects/{externalId}/restrictions",
    "/tasks/{taskId}/result",
  ]);
});

test("calls without a valid key are refused with 401 and a JSON error", async ({ request }) => {
  const none = await request.post("/api/v1/provisions", { data: { events: [] } });
  expect(none.status()).toBe(401);
  const body = (await none.json()) as { error: Record<string, unknown> };
  expect(Object.keys(body.error).sort()).toEqual(["code", "message"]);
  expect(body.error.code).toBe("unauthenticated");
  const forged = await request.get("/api/v1/subjects/x/restrictions", {
    headers: { Authorization: `Bearer dsk_000000000000_${"A".repeat(43)}` },
  });
  expect(forged.status()).toBe(401);
});
