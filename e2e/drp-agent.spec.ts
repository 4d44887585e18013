import { generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext } from "@playwright/test";

import { review } from "../lib/i18n/messages/sections/review";
import { E2E } from "./support/config";
import { sql, uniqueEmail } from "./support/db";
import { expect, test } from "./support/fixtures";

// The Data Rights Protocol end to end: this spec is the authorised agent (its own Ed25519 key, its
// own status-callback server), the portal the covered business. The agent gets its pair-wise
// token, files an access request for a person; staff find it in the queue as an appointed agent's
// request that came over DRP, verify identity on the agent's attestation; the agent is called
// back with the new status, reads it, and the person revokes the request through it.

interface Agent {
  id: string;
  privateKey: KeyObject;
  token?: string;
}

async function registerAgent(): Promise<Agent> {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url");
  const id = `E2E_AGENT_${randomUUID().slice(0, 8).toUpperCase()}`;
  await sql().query(
    `INSERT INTO "DrpAgent" (id, "agentId", name, "verifyKey", "identityAssuranceUrl")
     VALUES ($1, $2, 'Permission Slip (e2e)', $3, 'https://agent.example/identity-assurance')`,
    [randomUUID(), id, raw.toString("base64")],
  );
  return { id, privateKey };
}

function signed(agent: Agent, claims: object): string {
  const json = Buffer.from(JSON.stringify(claims));
  return Buffer.concat([sign(null, json, agent.privateKey), json]).toString("base64");
}

function trust(agent: Agent) {
  const now = Date.now();
  return {
    "agent-id": agent.id,
    "business-id": E2E.drpBusinessId,
    "issued-at": new Date(now).toISOString(),
    "expires-at": new Date(now + 10 * 60_000).toISOString(),
  };
}

const send = (
  request: APIRequestContext,
  method: "POST" | "DELETE",
  path: string,
  body: string,
  token?: string,
) =>
  request.fetch(`/api/drp/v1${path}`, {
    method,
    data: body,
    headers: {
      "content-type": "text/plain",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });

let callbacks: Server;
const received: Record<string, unknown>[] = [];

test.beforeAll(async () => {
  callbacks = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      received.push(JSON.parse(body) as Record<string, unknown>);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => callbacks.listen(0, "127.0.0.1", resolve));
});
test.afterAll(() => new Promise<void>((resolve) => callbacks.close(() => resolve())));

test("an authorised agent files over DRP; staff verify on its attestation; it is called back and revokes", async ({
  page,
  request,
  signIn,
}, testInfo) => {
  const agent = await registerAgent();

  // Pair-wise setup: a signed registration gives the token; the same message again is refused.
  const registration = signed(agent, trust(agent));
  const setup = await send(request, "POST", `/agent/${agent.id}`, registration);
  expect(setup.status()).toBe(200);
  const { token } = (await setup.json()) as { token: string };
  agent.token = token;
  expect((await send(request, "POST", `/agent/${agent.id}`, registration)).status()).toBe(403);
  const info = await request.get(`/api/drp/v1/agent/${agent.id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(info.status()).toBe(200);
  expect(await info.json()).toEqual({});

  // The access request, under CCPA, with the agent's attestation of the person's identity.
  const email = uniqueEmail("drp");
  const port = (callbacks.address() as AddressInfo).port;
  const filed = await send(
    request,
    "POST",
    "/data-rights-request",
    signed(agent, {
      ...trust(agent),
      "drp.version": "0.9",
      exercise: "access",
      regime: "ccpa",
      relationships: ["customer"],
      status_callback: `http://127.0.0.1:${port}/drp/status`,
      name: "Doe, Jane",
      email,
      email_verified: true,
      phone_number: "+14155550100",
      phone_number_verified: false,
      address: { formatted: "1 Market St, San Francisco, CA 94105", country: "US" },
      power_of_attorney: "https://agent.example/poa/123",
    }),
    token,
  );
  expect(filed.status()).toBe(200);
  const status = (await filed.json()) as Record<string, string>;
  expect(status).toMatchObject({ status: "in_progress" });
  expect(status.request_id).toMatch(/^[0-9a-f-]{36}$/);
  expect(Date.parse(status.expected_by!)).toBeGreaterThan(Date.now());
  expect(JSON.stringify(status)).not.toContain(email);
  const { rows } = await sql().query<{ reference: string }>(
    `SELECT r.reference FROM "DrpRequest" d JOIN "Request" r ON r.id = d."requestId" WHERE d.id = $1`,
    [status.request_id],
  );
  const reference = rows[0]!.reference;

  // Staff: the request is in the queue, an appointed agent's, with the agent's attestation.
  await signIn("STAFF");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/ja/staff?q=${reference}`);
  const row = page.locator("tr", { hasText: reference });
  await expect(row).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("drp-queue-1280.png"), fullPage: true });
  await row.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
  const main = page.locator("main");
  await expect(main).toContainText("Permission Slip (e2e)");
  await expect(main).toContainText(agent.id);
  await page.screenshot({ path: testInfo.outputPath("drp-request-1280.png"), fullPage: true });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);

  // Identity decided on the attestation: the three checks in their DRP wording.
  const panel = page.getByTestId("identity-review");
  await panel.getByLabel(review.ja.checks.drp.subject).check();
  await panel.getByLabel(review.ja.checks.drp.agent).check();
  await panel.getByLabel(review.ja.checks.drp.authority).check();
  await panel.getByRole("button", { name: review.ja.verify.submit }).click();
  await expect(page.getByTestId("status")).toHaveText("対応中");

  // The agent is called back with the new status, and reads the same when it asks.
  await expect
    .poll(() => received.filter((body) => body.request_id === status.request_id).length, {
      timeout: 20_000,
    })
    .toBeGreaterThan(0);
  const callback = received.find((body) => body.request_id === status.request_id)!;
  expect(callback).toMatchObject({ status: "in_progress" });
  expect(String(callback.processing_details)).toContain("Identity verified");
  const read = await request.get(`/api/drp/v1/data-rights-request/${status.request_id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(await read.json()).toMatchObject({ request_id: status.request_id, status: "in_progress" });

  // The person changes their mind: the agent revokes; the request is withdrawn for staff too.
  const revoked = await send(
    request,
    "DELETE",
    `/data-rights-request/${status.request_id}`,
    signed(agent, { reason: "No longer needed" }),
    token,
  );
  expect(revoked.status()).toBe(200);
  expect(await revoked.json()).toMatchObject({ status: "revoked" });
  await page.reload();
  await expect(page.getByTestId("status")).toHaveText("取り下げ");

  // On a phone the request page fits.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("drp-request-375.png"), fullPage: true });
});

test("the DRP endpoints refuse an unknown agent, a forged signature and a missing token", async ({
  request,
}) => {
  const agent = await registerAgent();
  const stranger = { ...agent, id: "E2E_UNKNOWN_AGENT" };
  expect(
    (
      await send(request, "POST", `/agent/${stranger.id}`, signed(stranger, trust(stranger)))
    ).status(),
  ).toBe(403);
  const forger = { ...agent, privateKey: generateKeyPairSync("ed25519").privateKey };
  const forged = await send(request, "POST", `/agent/${agent.id}`, signed(forger, trust(agent)));
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toBe("");
  const untokened = await send(
    request,
    "POST",
    "/data-rights-request",
    signed(agent, trust(agent)),
  );
  expect(untokened.status()).toBe(403);
  const spec = await request.get("/api/drp/openapi.json");
  expect(await spec.json()).toMatchObject({ openapi: "3.1.0", info: { version: "0.9" } });
});
