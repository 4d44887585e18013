import { createHmac, randomBytes } from "node:crypto";

import { expect, test } from "@playwright/test";

import { systems } from "../prisma/seed/data-map";

// The demo organisation's HTTP system ("reservations") is simulated by the portal in demo mode:
// signed tasks sent to it are answered from the seeded items, so the demo's HTTP tasks succeed.

const reservations = systems.find((s) => s.key === "reservations")!;

function signed(body: string, secret: string) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString("hex");
  const hex = createHmac("sha256", secret).update(`${timestamp}.${nonce}.${body}`).digest("hex");
  return {
    "Content-Type": "application/json",
    "X-DSAR-Timestamp": timestamp,
    "X-DSAR-Nonce": nonce,
    "X-DSAR-Signature": `sha256=${hex}`,
  };
}

test("the simulated reservations system answers a signed export from the seeded items", async ({
  request,
  baseURL,
}) => {
  const body = JSON.stringify({
    taskId: "demo-task-1",
    requestReference: "R-2026-000001",
    action: "EXPORT",
    requestType: "DISCLOSURE",
    subject: { externalIds: ["RSV-C-558213"], email: "hanako.sato@example.jp" },
    details: { scope: "ALL", categoryKeys: [] },
    callbackUrl: `${baseURL}/api/connectors/reservations/callback`,
  });
  const url = `${baseURL}/api/demo/connector?system=reservations`;
  const forged = await request.post(url, {
    data: Buffer.from(body),
    headers: signed(body, "not-the-secret"),
  });
  expect(forged.status()).toBe(401);

  const answer = await request.post(url, {
    data: Buffer.from(body),
    headers: signed(body, reservations.secret),
  });
  expect(answer.status()).toBe(200);
  const { items } = (await answer.json()) as { items: { field: string; value: string }[] };
  expect(items.map((i) => i.field)).toEqual(
    expect.arrayContaining(["reservations", "visitConfirmations"]),
  );
  expect(items.find((i) => i.field === "reservations")?.value).toContain("予約 31件");
});
