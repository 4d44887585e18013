import { generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { Db } from "@/lib/db";
import type { Outcome } from "@/lib/generated/prisma/enums";
import type { TransitionName } from "@/lib/requests/lifecycle";
import { createTestDatabase } from "@/scripts/lib/test-database";

// DRP 0.9 conformance: this file plays the authorized agent against the real route handlers
// (app/api/drp/v1/...) on a real PostgreSQL database of its own. The agent signs with node:crypto's
// Ed25519 exactly as libsodium's combined mode does (64-byte signature ‖ JSON, base64, text/plain)
// and walks every flow of /tmp/drp-spec.md: pair-wise setup (§2.05, §2.06), exercise (§2.01),
// status (§2.02), revoke (§2.04) and the status callback (§2.03).

const BUSINESS = "SAKURA_LINK_TEST";

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let mod: {
  agentRoute: typeof import("@/app/api/drp/v1/agent/[agentId]/route");
  exerciseRoute: typeof import("@/app/api/drp/v1/data-rights-request/route");
  requestRoute: typeof import("@/app/api/drp/v1/data-rights-request/[requestId]/route");
  transition: typeof import("@/lib/data/requests/transition");
  callback: typeof import("./callback");
  boss: typeof import("@/lib/jobs/boss");
};
let staffId: string;

// ── The agent's side ─────────────────────────────────────────────────────────────────────────

interface TestAgent {
  /** The DRP agent-id (opaque, as the directory gives it). */
  agentId: string;
  /** The DrpAgent row's id. */
  rowId: string;
  privateKey: KeyObject;
}

/** A new agent key pair, registered as the directory would have it (standard base64, or hex). */
async function newAgent(options: { hexKey?: boolean; revoked?: boolean } = {}): Promise<TestAgent> {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url");
  const agentId = `CR_AA_DRP_ID_${randomUUID().slice(0, 8).toUpperCase()}`;
  const row = await db.drpAgent.create({
    data: {
      agentId,
      name: "Conformance Agent",
      verifyKey: options.hexKey ? raw.toString("hex") : raw.toString("base64"),
      identityAssuranceUrl: "https://agent.example/identity-assurance",
      revokedAt: options.revoked ? new Date() : null,
    },
  });
  return { agentId, rowId: row.id, privateKey };
}

/** ISO 8601, extended, with an offset (as OSIRAA sends it). */
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** ISO 8601 basic form at a UTC offset in minutes, as the spec's example: 20210902T152725.403-0700. */
function basicIso(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString();
  const abs = Math.abs(offsetMinutes);
  const zone = `${offsetMinutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
  return `${local.slice(0, 4)}${local.slice(5, 7)}${local.slice(8, 13)}${local.slice(14, 16)}${local.slice(17, 23)}${zone}`;
}

let sequence = 0;
/**
 * The four trust claims. issued-at carries microseconds (as Python's isoformat does) whose last
 * three digits count up, so no two messages of this file have the same bytes by accident: Ed25519
 * is deterministic, and the same bytes twice are a replay.
 */
function trust(agent: TestAgent, over: Record<string, unknown> = {}) {
  const now = Date.now();
  const micro = String(sequence++ % 1000).padStart(3, "0");
  const issued = `${new Date(now).toISOString().slice(0, 23)}${micro}+00:00`;
  return {
    "agent-id": agent.agentId,
    "business-id": BUSINESS,
    "issued-at": issued,
    "expires-at": iso(now + 15 * 60_000),
    ...over,
  };
}

/** base64( Ed25519 signature (64 bytes) ‖ JSON bytes ): libsodium's crypto_sign, base64-encoded. */
function signed(claims: object, key: KeyObject, json = JSON.stringify(claims)): string {
  const bytes = Buffer.from(json, "utf8");
  const signature = sign(null, bytes, key);
  expect(signature).toHaveLength(64);
  return Buffer.concat([signature, bytes]).toString("base64");
}

const URL_BASE = "http://portal.test/api/drp/v1";

function call(method: string, path: string, init: { token?: string | null; body?: string } = {}) {
  return new Request(`${URL_BASE}${path}`, {
    method,
    headers: {
      ...(init.body !== undefined ? { "content-type": "text/plain" } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body,
  });
}

const registerToken = (agentId: string, body: string) =>
  mod.agentRoute.POST(call("POST", `/agent/${agentId}`, { body }), {
    params: Promise.resolve({ agentId }),
  });
const agentInformation = (agentId: string, token: string | null) =>
  mod.agentRoute.GET(call("GET", `/agent/${agentId}`, { token }), {
    params: Promise.resolve({ agentId }),
  });
const fileExercise = (token: string | null, body: string) =>
  mod.exerciseRoute.POST(call("POST", "/data-rights-request", { token, body }));
const readStatus = (token: string | null, requestId: string) =>
  mod.requestRoute.GET(call("GET", `/data-rights-request/${requestId}`, { token }), {
    params: Promise.resolve({ requestId }),
  });
const revoke = (token: string | null, requestId: string, body: string) =>
  mod.requestRoute.DELETE(call("DELETE", `/data-rights-request/${requestId}`, { token, body }), {
    params: Promise.resolve({ requestId }),
  });

async function json(response: Response): Promise<Record<string, unknown>> {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return (await response.json()) as Record<string, unknown>;
}

/** A §2.05 refusal: 403 with no body at all. */
async function expectEmpty403(response: Response) {
  expect(response.status).toBe(403);
  expect(await response.text()).toBe("");
}

/** Pair-wise setup for `agent`; returns the bearer token. */
async function tokenFor(agent: TestAgent): Promise<string> {
  const response = await registerToken(agent.agentId, signed(trust(agent), agent.privateKey));
  expect(response.status).toBe(200);
  const body = await json(response);
  expect(body["agent-id"]).toBe(agent.agentId);
  expect(typeof body.token).toBe("string");
  return body.token as string;
}

/** An agent with its token. */
async function pairedAgent(options: { hexKey?: boolean } = {}) {
  const agent = await newAgent(options);
  return { ...agent, token: await tokenFor(agent) };
}

const uniqueEmail = () => `jane.${randomUUID().slice(0, 8)}@example.com`;

/** An OSIRAA-shaped 0.9 exercise, claims flat at the top level. */
function exerciseClaims(agent: TestAgent, over: Record<string, unknown> = {}) {
  return {
    ...trust(agent),
    "drp.version": "0.9",
    exercise: "access",
    regime: "ccpa",
    relationships: ["customer"],
    name: "Doe, Jane",
    email: uniqueEmail(),
    email_verified: true,
    phone_number: "+15555550100",
    address: "1 Market St, San Francisco, CA 94105",
    ...over,
  };
}

/** Files an exercise that must succeed; returns the Exercise Status answered. */
async function fileOk(agent: TestAgent & { token: string }, over: Record<string, unknown> = {}) {
  const response = await fileExercise(
    agent.token,
    signed(exerciseClaims(agent, over), agent.privateKey),
  );
  expect(response.status).toBe(200);
  const body = await json(response);
  expect(body.request_id).toEqual(expect.any(String));
  return body as { request_id: string } & Record<string, unknown>;
}

/** Fields the Exercise Status (§3.03) may carry: nothing else, so no personal data either. */
const STATUS_FIELDS = [
  "request_id",
  "status",
  "reason",
  "received_at",
  "expected_by",
  "processing_details",
  "user_verification_url",
  "expires_at",
  "results_url",
  "agent_request_id",
];

function expectStatusShape(body: Record<string, unknown>) {
  for (const key of Object.keys(body)) expect(STATUS_FIELDS).toContain(key);
  expect(Number.isNaN(new Date(body.received_at as string).getTime())).toBe(false);
  expect(body.received_at).toMatch(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  );
}

/** A staff action on the portal request behind a DRP request_id. */
async function staff(drpId: string, name: TransitionName, outcome?: Outcome) {
  const row = await db.drpRequest.findUniqueOrThrow({ where: { id: drpId } });
  await db.$transaction((tx) =>
    mod.transition.applyTransition(tx, {
      requestId: row.requestId,
      name,
      actor: { userId: staffId, role: "STAFF", ip: null },
      outcome,
    }),
  );
  return row.requestId;
}

/** Re-encodings of the same bytes Node's base64 decoder reads alike (padding dropped, spare bits set). */
function malleated(body: string): string[] {
  const variants: string[] = [];
  const bare = body.replace(/=+$/, "");
  if (bare !== body) variants.push(bare);
  const padding = body.length - bare.length;
  if (padding > 0) {
    // The last character before the padding carries 2 (one "=") or 4 (two "=") unused bits.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const last = alphabet.indexOf(bare.at(-1)!);
    const tweaked = alphabet[last | 1]!;
    if (tweaked !== bare.at(-1))
      variants.push(`${bare.slice(0, -1)}${tweaked}${"=".repeat(padding)}`);
  }
  return variants;
}

/** Signs `claims` so that the base64 has padding (appending JSON whitespace when needed). */
function signedWithPadding(claims: object, key: KeyObject): string {
  let text = JSON.stringify(claims);
  while ((64 + Buffer.byteLength(text)) % 3 === 0) text += " ";
  const body = signed(claims, key, text);
  expect(body.endsWith("=")).toBe(true);
  return body;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    agentRoute: await import("@/app/api/drp/v1/agent/[agentId]/route"),
    exerciseRoute: await import("@/app/api/drp/v1/data-rights-request/route"),
    requestRoute: await import("@/app/api/drp/v1/data-rights-request/[requestId]/route"),
    transition: await import("@/lib/data/requests/transition"),
    callback: await import("./callback"),
    boss: await import("@/lib/jobs/boss"),
  };
  const user = await db.user.create({
    data: { email: `staff-${randomUUID()}@test.example.jp`, role: "STAFF" },
  });
  staffId = user.id;
});

afterAll(async () => {
  await (await mod.boss.getBoss()).stop({ graceful: false }).catch(() => undefined);
  await db.$disconnect();
  await testDb.drop();
});

// ── §2.05 / §2.06: pair-wise setup ───────────────────────────────────────────────────────────

describe("pair-wise setup (POST/GET /v1/agent/{agent-id})", () => {
  it("issues a token for a valid signed registration, and the token is good on GET", async () => {
    const agent = await newAgent();
    const response = await registerToken(agent.agentId, signed(trust(agent), agent.privateKey));
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(Object.keys(body).sort()).toEqual(["agent-id", "token"]);
    expect(body["agent-id"]).toBe(agent.agentId);
    expect(body.token).toMatch(/^[A-Za-z0-9=+\-_/]{16,}$/);
    // Only the token's hash is stored.
    const tokens = await db.drpToken.findMany({ where: { agentId: agent.rowId } });
    expect(tokens).toHaveLength(1);
    expect(JSON.stringify(tokens)).not.toContain(body.token as string);
    expect(
      await db.auditEvent.count({ where: { action: "drp.token.issue", entityId: agent.rowId } }),
    ).toBe(1);

    const info = await agentInformation(agent.agentId, body.token as string);
    expect(info.status).toBe(200);
    expect(await json(info)).toEqual({});
  });

  it("a second registration replaces the token: the old one is refused", async () => {
    const agent = await newAgent();
    const first = await tokenFor(agent);
    const second = await tokenFor(agent);
    expect(second).not.toBe(first);
    expect((await agentInformation(agent.agentId, second)).status).toBe(200);
    await expectEmpty403(await agentInformation(agent.agentId, first));
  });

  it("GET with another agent's id, or no/unknown token, is 403", async () => {
    const a = await pairedAgent();
    const b = await pairedAgent();
    await expectEmpty403(await agentInformation(b.agentId, a.token));
    await expectEmpty403(await agentInformation(a.agentId, null));
    await expectEmpty403(await agentInformation(a.agentId, "A".repeat(43)));
  });

  it("refuses an unknown agent id with 403 and no body", async () => {
    const agent = await newAgent();
    const ghost = { ...agent, agentId: "CR_AA_DRP_ID_UNKNOWN" };
    await expectEmpty403(
      await registerToken(ghost.agentId, signed(trust(ghost), agent.privateKey)),
    );
  });

  it("refuses a revoked agent (registration and its earlier token)", async () => {
    const revoked = await newAgent({ revoked: true });
    await expectEmpty403(
      await registerToken(revoked.agentId, signed(trust(revoked), revoked.privateKey)),
    );
    const agent = await pairedAgent();
    await db.drpAgent.update({ where: { id: agent.rowId }, data: { revokedAt: new Date() } });
    await expectEmpty403(await agentInformation(agent.agentId, agent.token));
  });

  it("refuses a signature by another key", async () => {
    const agent = await newAgent();
    const other = await newAgent();
    await expectEmpty403(
      await registerToken(agent.agentId, signed(trust(agent), other.privateKey)),
    );
  });

  it("refuses a body tampered with after signing", async () => {
    const agent = await newAgent();
    const raw = Buffer.from(signed(trust(agent), agent.privateKey), "base64");
    raw[84] = raw[84]! ^ 0x01; // inside the JSON, after the 64-byte signature
    await expectEmpty403(await registerToken(agent.agentId, raw.toString("base64")));
    const sig = Buffer.from(signed(trust(agent), agent.privateKey), "base64");
    sig[3] = sig[3]! ^ 0x80; // inside the signature
    await expectEmpty403(await registerToken(agent.agentId, sig.toString("base64")));
  });

  it("refuses an agent-id claim that is not the URL's", async () => {
    const agent = await newAgent();
    const other = await newAgent();
    await expectEmpty403(
      await registerToken(
        agent.agentId,
        signed(trust(agent, { "agent-id": other.agentId }), agent.privateKey),
      ),
    );
  });

  it("refuses a business-id that is not this business", async () => {
    const agent = await newAgent();
    await expectEmpty403(
      await registerToken(
        agent.agentId,
        signed(trust(agent, { "business-id": "OTHER_BUSINESS" }), agent.privateKey),
      ),
    );
  });

  it("refuses issued-at in the future beyond the 60 s skew, accepts it within", async () => {
    const agent = await newAgent();
    const now = Date.now();
    await expectEmpty403(
      await registerToken(
        agent.agentId,
        signed(
          trust(agent, { "issued-at": iso(now + 120_000), "expires-at": iso(now + 600_000) }),
          agent.privateKey,
        ),
      ),
    );
    const within = await registerToken(
      agent.agentId,
      signed(
        trust(agent, { "issued-at": iso(now + 20_000), "expires-at": iso(now + 600_000) }),
        agent.privateKey,
      ),
    );
    expect(within.status).toBe(200);
  });

  it("refuses an expired message", async () => {
    const agent = await newAgent();
    const now = Date.now();
    await expectEmpty403(
      await registerToken(
        agent.agentId,
        signed(
          trust(agent, { "issued-at": iso(now - 20 * 60_000), "expires-at": iso(now - 1_000) }),
          agent.privateKey,
        ),
      ),
    );
  });

  it("refuses a validity window longer than 60 minutes", async () => {
    const agent = await newAgent();
    const now = Date.now();
    await expectEmpty403(
      await registerToken(
        agent.agentId,
        signed(
          trust(agent, { "issued-at": iso(now), "expires-at": iso(now + 61 * 60_000) }),
          agent.privateKey,
        ),
      ),
    );
  });

  it("refuses a message missing claims", async () => {
    const agent = await newAgent();
    const full = trust(agent);
    for (const claim of ["agent-id", "business-id", "issued-at", "expires-at"] as const) {
      const partial: Record<string, unknown> = { ...full };
      delete partial[claim];
      await expectEmpty403(await registerToken(agent.agentId, signed(partial, agent.privateKey)));
    }
    // Zone-less timestamps are ambiguous and refused.
    await expectEmpty403(
      await registerToken(
        agent.agentId,
        signed(
          trust(agent, { "issued-at": new Date().toISOString().slice(0, 19) }),
          agent.privateKey,
        ),
      ),
    );
  });

  it("refuses a body that is not base64 (or too short to hold a signature)", async () => {
    const agent = await newAgent();
    await expectEmpty403(await registerToken(agent.agentId, "this is not base64!"));
    await expectEmpty403(await registerToken(agent.agentId, JSON.stringify(trust(agent))));
    await expectEmpty403(await registerToken(agent.agentId, ""));
    await expectEmpty403(
      await registerToken(agent.agentId, Buffer.alloc(64, 1).toString("base64")),
    );
  });

  it("refuses a replay of the same signed registration", async () => {
    const agent = await newAgent();
    const body = signed(trust(agent), agent.privateKey);
    const first = await registerToken(agent.agentId, body);
    expect(first.status).toBe(200);
    const { token } = (await first.json()) as { token: string };
    await expectEmpty403(await registerToken(agent.agentId, body));
    // The replay minted nothing: the first token is still the agent's one good token.
    expect((await agentInformation(agent.agentId, token)).status).toBe(200);
    expect(await db.drpToken.count({ where: { agentId: agent.rowId, revokedAt: null } })).toBe(1);
  });

  it("refuses a replay re-encoded in another base64 form of the same bytes", async () => {
    const agent = await newAgent();
    const body = signedWithPadding(trust(agent), agent.privateKey);
    expect((await registerToken(agent.agentId, body)).status).toBe(200);
    const variants = malleated(body);
    expect(variants.length).toBeGreaterThan(0);
    for (const variant of variants) {
      expect(Buffer.from(variant, "base64")).toEqual(Buffer.from(body, "base64"));
      await expectEmpty403(await registerToken(agent.agentId, variant));
    }
    expect(await db.drpToken.count({ where: { agentId: agent.rowId } })).toBe(1);
  });

  it("reads ISO 8601 in the basic form and with offsets other than UTC", async () => {
    const agent = await newAgent();
    const now = Date.now();
    expect(basicIso(Date.UTC(2021, 8, 2, 22, 27, 25, 403), -420)).toBe("20210902T152725.403-0700");
    // Were an offset ignored, issued-at would read 9 hours ahead (future) or expires-at 7 hours
    // behind (expired): only correct parsing accepts these.
    const basic = await registerToken(
      agent.agentId,
      signed(
        trust(agent, {
          "issued-at": basicIso(now, 540),
          "expires-at": basicIso(now + 10 * 60_000, -420),
        }),
        agent.privateKey,
      ),
    );
    expect(basic.status).toBe(200);
    const extended = await registerToken(
      agent.agentId,
      signed(
        trust(agent, {
          "issued-at": new Date(now + 330 * 60_000).toISOString().replace("Z", "+05:30"),
          "expires-at": iso(now + 10 * 60_000).replace("+00:00", "Z"),
        }),
        agent.privateKey,
      ),
    );
    expect(extended.status).toBe(200);
  });

  it("verifies with a hex-encoded verify key (the DRP 0.9 directory format)", async () => {
    const agent = await newAgent({ hexKey: true });
    const row = await db.drpAgent.findUniqueOrThrow({ where: { id: agent.rowId } });
    expect(row.verifyKey).toMatch(/^[0-9a-f]{64}$/);
    const token = await tokenFor(agent);
    expect((await agentInformation(agent.agentId, token)).status).toBe(200);
    const filed = await fileOk({ ...agent, token });
    expect(filed.status).toBe("in_progress");
  });
});

// ── §2.01: exercise ──────────────────────────────────────────────────────────────────────────

describe("exercise (POST /v1/data-rights-request)", () => {
  const cases = [
    { exercise: "access", regime: "ccpa", type: "DISCLOSURE" },
    { exercise: "deletion", regime: "ccpa", type: "SUSPENSION_ERASURE" },
    { exercise: "sale:opt-out", regime: "ccpa", type: "STOP_PROVISION" },
    { exercise: "sale:opt_out", regime: "ccpa", type: "STOP_PROVISION" },
    { exercise: "access", regime: undefined, type: "DISCLOSURE" },
    { exercise: "deletion", regime: undefined, type: "SUSPENSION_ERASURE" },
    { exercise: "sale:opt_out", regime: undefined, type: "STOP_PROVISION" },
  ] as const;

  for (const c of cases) {
    it(`files ${c.exercise} under ${c.regime ?? "no regime"} as a ${c.type} request`, async () => {
      const agent = await pairedAgent();
      const email = uniqueEmail();
      const oidcAddress = {
        street_address: "1 Market St",
        locality: "San Francisco",
        region: "CA",
        postal_code: "94105",
        country: "US",
      };
      // The string address under ccpa, OIDC's object without a regime.
      const address = c.regime ? "1 Market St, San Francisco, CA 94105" : oidcAddress;
      const before = Date.now();
      const claims = exerciseClaims(agent, {
        exercise: c.exercise,
        regime: c.regime,
        email,
        address,
      });
      if (!c.regime) delete (claims as Record<string, unknown>).regime;
      const response = await fileExercise(agent.token, signed(claims, agent.privateKey));
      expect(response.status).toBe(200);
      const body = await json(response);
      expectStatusShape(body);
      expect(body.request_id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
      expect(body.status).toBe("in_progress");
      expect(body.reason).toBeUndefined();
      const receivedAt = new Date(body.received_at as string).getTime();
      expect(receivedAt).toBeGreaterThanOrEqual(before - 1000);
      expect(receivedAt).toBeLessThanOrEqual(Date.now() + 1000);
      const expectedBy = new Date(body.expected_by as string).getTime();
      expect(Number.isNaN(expectedBy)).toBe(false);
      expect(expectedBy).toBeGreaterThan(receivedAt);
      // No personal data in the answer.
      const text = JSON.stringify(body);
      for (const personal of [email, "Jane", "Doe", "5555550100", "Market", "94105"])
        expect(text).not.toContain(personal);

      const drp = await db.drpRequest.findUniqueOrThrow({
        where: { id: body.request_id as string },
        include: { request: true },
      });
      expect(drp.agentId).toBe(agent.rowId);
      expect(drp.exercise).toBe(c.exercise === "sale:opt_out" ? "sale:opt-out" : c.exercise);
      expect(drp.regime).toBe(c.regime ?? null);
      const request = drp.request;
      expect(request).toMatchObject({
        channel: "DRP",
        filerRole: "APPOINTED_AGENT",
        status: "SUBMITTED",
        type: c.type,
        filedById: null,
      });
      if (c.regime === "ccpa") expect(request.jurisdictions).toContain("US_CA");
      else expect(request.jurisdictions).not.toContain("US_CA");
      const agentDetails = request.agentDetails as { drp: Record<string, unknown> };
      expect(agentDetails.drp).toMatchObject({
        agentId: agent.agentId,
        agentName: "Conformance Agent",
        identityAssuranceUrl: "https://agent.example/identity-assurance",
        exercise: drp.exercise,
        regime: c.regime ?? null,
        relationships: ["customer"],
      });
      expect(agentDetails.drp.claims).toEqual({
        name: "Doe, Jane",
        email,
        email_verified: true,
        phone_number: "+15555550100",
        // A string is kept as sent; OIDC's object becomes one line of its parts.
        address: c.regime
          ? "1 Market St, San Francisco, CA 94105"
          : "1 Market St, San Francisco, CA, 94105, US",
      });
      const audits = await db.auditEvent.findMany({
        where: { action: "request.drp-file", entityId: request.id },
      });
      expect(audits).toHaveLength(1);
      expect(audits[0]!.actorRole).toBe("DRP_AGENT");
      expect(
        await db.requestEvent.count({ where: { requestId: request.id, kind: "submitted" } }),
      ).toBe(1);
      // No subject had this e-mail: one was created from the claims.
      const subject = await db.subject.findUniqueOrThrow({ where: { id: request.subjectId } });
      expect(subject).toMatchObject({ familyName: "Doe", givenName: "Jane", email });
    });
  }

  it("matches the one subject with the e-mail, else creates one", async () => {
    const agent = await pairedAgent();
    const email = uniqueEmail();
    const known = await db.subject.create({
      data: { familyName: "Doe", givenName: "Jane", email },
    });
    const one = await fileOk(agent, { email: email.toUpperCase() });
    const first = await db.drpRequest.findUniqueOrThrow({
      where: { id: one.request_id },
      include: { request: true },
    });
    expect(first.request.subjectId).toBe(known.id);

    // Two subjects share an address: nobody is guessed, a new subject is made.
    const shared = uniqueEmail();
    const twins = await Promise.all(
      ["Jane", "Joan"].map((givenName) =>
        db.subject.create({ data: { familyName: "Doe", givenName, email: shared } }),
      ),
    );
    const two = await fileOk(agent, { email: shared });
    const second = await db.drpRequest.findUniqueOrThrow({
      where: { id: two.request_id },
      include: { request: true },
    });
    expect(twins.map((t) => t.id)).not.toContain(second.request.subjectId);
    expect(await db.subject.count({ where: { email: shared } })).toBe(3);
  });

  it("accepts an exercise with only a name or only an e-mail", async () => {
    const agent = await pairedAgent();
    const onlyName = exerciseClaims(agent) as Record<string, unknown>;
    for (const key of ["email", "email_verified", "phone_number", "address"]) delete onlyName[key];
    const a = await fileExercise(agent.token, signed(onlyName, agent.privateKey));
    expect(a.status).toBe(200);
    const onlyEmail = exerciseClaims(agent) as Record<string, unknown>;
    delete onlyEmail.name;
    const b = await fileExercise(agent.token, signed(onlyEmail, agent.privateKey));
    expect(b.status).toBe(200);
  });
});

describe("exercise refusals", () => {
  it("no or unknown bearer token → 403", async () => {
    const agent = await pairedAgent();
    const body = signed(exerciseClaims(agent), agent.privateKey);
    await expectEmpty403(await fileExercise(null, body));
    await expectEmpty403(await fileExercise("x".repeat(43), body));
    expect(await db.drpRequest.count({ where: { agentId: agent.rowId } })).toBe(0);
  });

  it("agent A's token with a body signed by agent B's key → 403", async () => {
    const a = await pairedAgent();
    const b = await pairedAgent();
    // B signs a message naming A (the replay-by-another-agent case) and one naming itself.
    await expectEmpty403(await fileExercise(a.token, signed(exerciseClaims(a), b.privateKey)));
    await expectEmpty403(await fileExercise(a.token, signed(exerciseClaims(b), b.privateKey)));
    expect(await db.drpRequest.count({ where: { agentId: { in: [a.rowId, b.rowId] } } })).toBe(0);
  });

  it("agent-id claim of another agent → 403", async () => {
    const a = await pairedAgent();
    const b = await pairedAgent();
    await expectEmpty403(
      await fileExercise(
        a.token,
        signed(exerciseClaims(a, { "agent-id": b.agentId }), a.privateKey),
      ),
    );
  });

  it("another business-id → 403", async () => {
    const a = await pairedAgent();
    await expectEmpty403(
      await fileExercise(
        a.token,
        signed(exerciseClaims(a, { "business-id": "OTHER_BUSINESS" }), a.privateKey),
      ),
    );
  });

  it("expired → 400 with a fatal error object", async () => {
    const a = await pairedAgent();
    const now = Date.now();
    const response = await fileExercise(
      a.token,
      signed(
        exerciseClaims(a, {
          "issued-at": iso(now - 30 * 60_000),
          "expires-at": iso(now - 60_000),
        }),
        a.privateKey,
      ),
    );
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body).toEqual({ code: "400", message: expect.any(String), fatal: true });
    expect(await db.drpRequest.count({ where: { agentId: a.rowId } })).toBe(0);
  });

  it("unsupported action sale:opt-in → 400 'Unsupported rights actions submitted.'", async () => {
    const a = await pairedAgent();
    for (const exercise of ["sale:opt-in", "sale:opt_in", ["access"], "erase-everything"]) {
      const response = await fileExercise(
        a.token,
        signed(exerciseClaims(a, { exercise }), a.privateKey),
      );
      expect(response.status).toBe(400);
      expect(await json(response)).toEqual({
        code: "400",
        message: "Unsupported rights actions submitted.",
        fatal: true,
      });
    }
    expect(await db.drpRequest.count({ where: { agentId: a.rowId } })).toBe(0);
  });

  it("unsupported or missing drp.version → 400", async () => {
    const a = await pairedAgent();
    for (const version of ["0.8", "2.0", 0.9, undefined]) {
      const claims = exerciseClaims(a, { "drp.version": version }) as Record<string, unknown>;
      if (version === undefined) delete claims["drp.version"];
      const response = await fileExercise(a.token, signed(claims, a.privateKey));
      expect(response.status).toBe(400);
      const body = await json(response);
      expect(body).toMatchObject({ code: "400", fatal: true });
      expect(body.message).toMatch(/drp\.version/);
    }
    // The 1.0 spelling is accepted.
    expect((await fileOk(a, { "drp.version": "1.0", exercise: "sale:opt-out" })).status).toBe(
      "in_progress",
    );
  });

  it("no name and no email → 400", async () => {
    const a = await pairedAgent();
    const claims = exerciseClaims(a) as Record<string, unknown>;
    delete claims.name;
    delete claims.email;
    const response = await fileExercise(a.token, signed(claims, a.privateKey));
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ code: "400", message: expect.any(String) });
  });

  it("bad status_callback → 400", async () => {
    const a = await pairedAgent();
    for (const status_callback of [
      "not a url",
      "ftp://agent.example/cb",
      "javascript:alert(1)",
      42,
    ]) {
      const response = await fileExercise(
        a.token,
        signed(exerciseClaims(a, { status_callback }), a.privateKey),
      );
      expect(response.status).toBe(400);
      expect(await json(response)).toMatchObject({ code: "400", message: expect.any(String) });
    }
    expect(await db.drpRequest.count({ where: { agentId: a.rowId } })).toBe(0);
  });

  it("a body that is not base64 → 400 fatal; unsupported regime → 400", async () => {
    const a = await pairedAgent();
    const garbage = await fileExercise(a.token, "%%% not base64 %%%");
    expect(garbage.status).toBe(400);
    expect(await json(garbage)).toMatchObject({ code: "400", fatal: true });
    const regime = await fileExercise(
      a.token,
      signed(exerciseClaims(a, { regime: "gdpr" }), a.privateKey),
    );
    expect(regime.status).toBe(400);
  });
});

// ── Idempotency and replays ──────────────────────────────────────────────────────────────────

describe("idempotency and replays", () => {
  it("the same signed body twice → the same request_id, one Request", async () => {
    const a = await pairedAgent();
    const body = signed(exerciseClaims(a), a.privateKey);
    const first = await json(await fileExercise(a.token, body));
    const second = await fileExercise(a.token, body);
    expect(second.status).toBe(200);
    expect((await json(second)).request_id).toBe(first.request_id);
    expect(await db.drpRequest.count({ where: { agentId: a.rowId } })).toBe(1);
  });

  it("the same bytes in another base64 form → the same request_id, one Request", async () => {
    const a = await pairedAgent();
    const body = signedWithPadding(exerciseClaims(a), a.privateKey);
    const first = await json(await fileExercise(a.token, body));
    for (const variant of malleated(body)) {
      const again = await fileExercise(a.token, variant);
      expect(again.status).toBe(200);
      expect((await json(again)).request_id).toBe(first.request_id);
    }
    expect(await db.drpRequest.count({ where: { agentId: a.rowId } })).toBe(1);
  });

  it("the same agent-request-id in a new signed body → the same request_id, echoed", async () => {
    const a = await pairedAgent();
    const agentRequestId = `ar-${randomUUID()}`;
    const first = await fileOk(a, { "agent-request-id": agentRequestId });
    expect(first.agent_request_id).toBe(agentRequestId);
    const second = await fileOk(a, { "agent-request-id": agentRequestId, exercise: "deletion" });
    expect(second.request_id).toBe(first.request_id);
    expect(second.agent_request_id).toBe(agentRequestId);
    expect(await db.drpRequest.count({ where: { agentId: a.rowId } })).toBe(1);
    const status = await json(await readStatus(a.token, first.request_id));
    expect(status.agent_request_id).toBe(agentRequestId);

    // Another agent may use the same agent-request-id for a request of its own.
    const b = await pairedAgent();
    const other = await fileOk(b, { "agent-request-id": agentRequestId });
    expect(other.request_id).not.toBe(first.request_id);
  });

  it("ten concurrent copies of one body → one request", async () => {
    const a = await pairedAgent();
    const body = signed(exerciseClaims(a), a.privateKey);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => fileExercise(a.token, body)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    const ids = new Set(await Promise.all(responses.map(async (r) => (await json(r)).request_id)));
    expect(ids.size).toBe(1);
    expect(await db.drpRequest.count({ where: { agentId: a.rowId } })).toBe(1);
    const drp = await db.drpRequest.findFirstOrThrow({ where: { agentId: a.rowId } });
    expect(
      await db.auditEvent.count({ where: { action: "request.drp-file", entityId: drp.requestId } }),
    ).toBe(1);
  });
});

// ── §2.02: status ────────────────────────────────────────────────────────────────────────────

describe("status (GET /v1/data-rights-request/{request_id})", () => {
  it("answers the owner, refuses another agent (403) and an unknown id (404)", async () => {
    const a = await pairedAgent();
    const b = await pairedAgent();
    const filed = await fileOk(a);
    const response = await readStatus(a.token, filed.request_id);
    expect(response.status).toBe(200);
    const body = await json(response);
    expectStatusShape(body);
    expect(body).toEqual(filed);

    await expectEmpty403(await readStatus(b.token, filed.request_id));
    await expectEmpty403(await readStatus(null, filed.request_id));

    for (const id of [randomUUID(), "not-a-uuid"]) {
      const missing = await readStatus(a.token, id);
      expect(missing.status).toBe(404);
      expect(await json(missing)).toMatchObject({ code: "404", message: expect.any(String) });
    }
  });

  it("verified then completed FULFILLED → fulfilled", async () => {
    const a = await pairedAgent();
    const filed = await fileOk(a, { exercise: "access" });
    await staff(filed.request_id, "verifyIdentity");
    const working = await json(await readStatus(a.token, filed.request_id));
    expect(working).toMatchObject({ status: "in_progress", request_id: filed.request_id });
    expect(working.expected_by).toEqual(expect.any(String));
    await staff(filed.request_id, "complete", "FULFILLED");
    const done = await json(await readStatus(a.token, filed.request_id));
    expectStatusShape(done);
    expect(done).toMatchObject({ request_id: filed.request_id, status: "fulfilled" });
    expect(done.reason).toBeUndefined();
    expect(done.received_at).toBe(filed.received_at);
  });

  it("closed as unverifiable → denied / insuf_verification", async () => {
    const a = await pairedAgent();
    const filed = await fileOk(a, { exercise: "sale:opt-out" });
    await staff(filed.request_id, "closeUnverifiable", "UNVERIFIABLE");
    const body = await json(await readStatus(a.token, filed.request_id));
    expectStatusShape(body);
    expect(body).toMatchObject({ status: "denied", reason: "insuf_verification" });
    expect(body.processing_details).toEqual(expect.any(String));
  });

  it("completed NO_DATA_HELD → denied / no_match", async () => {
    const a = await pairedAgent();
    const filed = await fileOk(a, { exercise: "access" });
    await staff(filed.request_id, "verifyIdentity");
    await staff(filed.request_id, "complete", "NO_DATA_HELD");
    const body = await json(await readStatus(a.token, filed.request_id));
    expect(body).toMatchObject({ status: "denied", reason: "no_match" });
  });

  it("a refusal on legal grounds → denied / claim_not_covered", async () => {
    // A refusal needs a second person's approval (needsApproval); the approval flow is not DRP's
    // business, so the closed state is written directly here, as `approve` would leave it.
    const a = await pairedAgent();
    const filed = await fileOk(a, { exercise: "deletion" });
    const row = await db.drpRequest.findUniqueOrThrow({ where: { id: filed.request_id } });
    await db.request.update({
      where: { id: row.requestId },
      data: {
        status: "COMPLETED",
        outcome: "REFUSED",
        refusalGrounds: ["NOT_WITHIN_GROUNDS"],
        closedAt: new Date(),
      },
    });
    const body = await json(await readStatus(a.token, filed.request_id));
    expect(body).toMatchObject({ status: "denied", reason: "claim_not_covered" });
  });
});

// ── §2.04: revoke ────────────────────────────────────────────────────────────────────────────

describe("revoke (DELETE /v1/data-rights-request/{request_id})", () => {
  it("revokes an open request: 200 revoked, the Request WITHDRAWN, audited; again → 200", async () => {
    const a = await pairedAgent();
    const filed = await fileOk(a, { exercise: "deletion" });
    const response = await revoke(
      a.token,
      filed.request_id,
      signed({ reason: "i don't want my account deleted" }, a.privateKey),
    );
    expect(response.status).toBe(200);
    const body = await json(response);
    expectStatusShape(body);
    expect(body).toMatchObject({ request_id: filed.request_id, status: "revoked" });

    const row = await db.drpRequest.findUniqueOrThrow({
      where: { id: filed.request_id },
      include: { request: true },
    });
    expect(row.request.status).toBe("WITHDRAWN");
    expect(row.request.closedAt).not.toBeNull();
    expect(
      await db.auditEvent.count({
        where: { action: "request.drp-revoke", entityId: row.requestId },
      }),
    ).toBe(1);
    const event = await db.requestEvent.findFirstOrThrow({
      where: { requestId: row.requestId, kind: "withdraw" },
    });
    expect(event.note).toBe("i don't want my account deleted");

    // Revoking again (a retry, or the same body replayed) answers the same state.
    const again = await revoke(
      a.token,
      filed.request_id,
      signed({ reason: "again" }, a.privateKey),
    );
    expect(again.status).toBe(200);
    expect(await json(again)).toMatchObject({ status: "revoked" });
    expect(
      await db.auditEvent.count({
        where: { action: "request.drp-revoke", entityId: row.requestId },
      }),
    ).toBe(1);
    expect((await json(await readStatus(a.token, filed.request_id))).status).toBe("revoked");
  });

  it("accepts the trust claims when the agent sends them, and checks them", async () => {
    const a = await pairedAgent();
    const filed = await fileOk(a);
    const wrongBusiness = await revoke(
      a.token,
      filed.request_id,
      signed(trust(a, { "business-id": "OTHER_BUSINESS", reason: "x" }), a.privateKey),
    );
    await expectEmpty403(wrongBusiness);
    const ok = await revoke(
      a.token,
      filed.request_id,
      signed(trust(a, { reason: "x" }), a.privateKey),
    );
    expect(ok.status).toBe(200);
    expect(await json(ok)).toMatchObject({ status: "revoked" });
  });

  it("revoke with expired trust claims → 400 fatal, nothing changes", async () => {
    const a = await pairedAgent();
    const filed = await fileOk(a);
    const now = Date.now();
    const response = await revoke(
      a.token,
      filed.request_id,
      signed(
        trust(a, {
          "issued-at": iso(now - 20 * 60_000),
          "expires-at": iso(now - 60_000),
          reason: "stale",
        }),
        a.privateKey,
      ),
    );
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ code: "400", fatal: true });
    expect((await json(await readStatus(a.token, filed.request_id))).status).toBe("in_progress");
  });

  it("revoking a fulfilled request → 409 fatal", async () => {
    const a = await pairedAgent();
    const filed = await fileOk(a, { exercise: "access" });
    await staff(filed.request_id, "verifyIdentity");
    await staff(filed.request_id, "complete", "FULFILLED");
    const response = await revoke(
      a.token,
      filed.request_id,
      signed({ reason: "late" }, a.privateKey),
    );
    expect(response.status).toBe(409);
    expect(await json(response)).toMatchObject({ code: "409", fatal: true });
    expect((await json(await readStatus(a.token, filed.request_id))).status).toBe("fulfilled");
  });

  it("another agent → 403; a signature by the wrong key → 403; unknown id → 404", async () => {
    const a = await pairedAgent();
    const b = await pairedAgent();
    const filed = await fileOk(a);
    await expectEmpty403(
      await revoke(b.token, filed.request_id, signed({ reason: "not mine" }, b.privateKey)),
    );
    await expectEmpty403(
      await revoke(a.token, filed.request_id, signed({ reason: "forged" }, b.privateKey)),
    );
    await expectEmpty403(
      await revoke(null, filed.request_id, signed({ reason: "no token" }, a.privateKey)),
    );
    const row = await db.drpRequest.findUniqueOrThrow({
      where: { id: filed.request_id },
      include: { request: true },
    });
    expect(row.request.status).toBe("SUBMITTED");
    const missing = await revoke(a.token, randomUUID(), signed({ reason: "?" }, a.privateKey));
    expect(missing.status).toBe(404);
    expect(await json(missing)).toMatchObject({ code: "404" });
  });
});

// ── §2.03: status callback ───────────────────────────────────────────────────────────────────

describe("status callback", () => {
  let server: Server;
  const received: { headers: IncomingMessage["headers"]; path: string; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push({ headers: req.headers, path: req.url ?? "", body });
        // The first delivery fails, so the retry is exercised too.
        res.writeHead(received.length === 1 ? 503 : 200).end("ignored");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("posts the Exercise Status after a staff action, retrying until 200", async () => {
    const port = (server.address() as AddressInfo).port;
    const a = await pairedAgent();
    const callbackUrl = `http://127.0.0.1:${port}/drp/update_status`;
    const filed = await fileOk(a, { status_callback: callbackUrl });
    const drp = await db.drpRequest.findUniqueOrThrow({ where: { id: filed.request_id } });
    expect(drp.statusCallback).toBe(callbackUrl);

    await staff(filed.request_id, "verifyIdentity");
    const queue = mod.callback.DRP_CALLBACK_QUEUE;
    const jobs = await db.$queryRawUnsafe<{ data: { drpRequestId: string } }[]>(
      `SELECT data FROM pgboss.job WHERE name = $1`,
      queue,
    );
    expect(jobs.map((j) => j.data)).toEqual([{ drpRequestId: filed.request_id }]);

    const boss = await mod.boss.getBoss();
    await mod.callback.registerDrpCallbackJobs(boss, db);
    // pg-boss backs off 10 s before the retry: move the failed job's start forward.
    for (let i = 0; i < 60 && received.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 500));
      await db.$executeRawUnsafe(
        `UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND state = 'retry'`,
        queue,
      );
    }
    expect(received).toHaveLength(2);
    for (const delivery of received) {
      expect(delivery.path).toBe("/drp/update_status");
      expect(delivery.headers["content-type"]).toMatch(/^application\/json/);
      expect(delivery.headers.authorization).toBeUndefined();
    }
    const status = JSON.parse(received[1]!.body) as Record<string, unknown>;
    expectStatusShape(status);
    expect(status).toMatchObject({ request_id: filed.request_id, status: "in_progress" });
    expect(status.expected_by).toEqual(expect.any(String));
    expect(status).toEqual(await json(await readStatus(a.token, filed.request_id)));

    // The 200 settled the job: no more deliveries.
    for (let i = 0; i < 20; i++) {
      const [row] = await db.$queryRawUnsafe<{ state: string }[]>(
        `SELECT state::text AS state FROM pgboss.job WHERE name = $1`,
        queue,
      );
      if (row?.state === "completed") break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const [settled] = await db.$queryRawUnsafe<{ state: string }[]>(
      `SELECT state::text AS state FROM pgboss.job WHERE name = $1`,
      queue,
    );
    expect(settled?.state).toBe("completed");
    expect(received).toHaveLength(2);
  });
});

// ── DRP off ──────────────────────────────────────────────────────────────────────────────────

describe("DRP off", () => {
  it("answers 404 on every route when DRP_BUSINESS_ID is unset", async () => {
    // getEnv() caches its parse per module instance: a fresh module graph (vi.resetModules) reads
    // the environment again, while the modules imported above keep the cached one.
    const saved = process.env.DRP_BUSINESS_ID;
    delete process.env.DRP_BUSINESS_ID;
    vi.resetModules();
    try {
      const agentRoute = await import("@/app/api/drp/v1/agent/[agentId]/route");
      const exerciseRoute = await import("@/app/api/drp/v1/data-rights-request/route");
      const requestRoute = await import("@/app/api/drp/v1/data-rights-request/[requestId]/route");
      const agent = await newAgent();
      const agentParams = { params: Promise.resolve({ agentId: agent.agentId }) };
      const requestParams = { params: Promise.resolve({ requestId: randomUUID() }) };
      const body = signed(trust(agent), agent.privateKey);
      const answers = [
        await agentRoute.POST(call("POST", `/agent/${agent.agentId}`, { body }), agentParams),
        await agentRoute.GET(call("GET", `/agent/${agent.agentId}`), agentParams),
        await exerciseRoute.POST(call("POST", "/data-rights-request", { body })),
        await requestRoute.GET(call("GET", "/data-rights-request/x"), requestParams),
        await requestRoute.DELETE(
          call("DELETE", "/data-rights-request/x", { body }),
          requestParams,
        ),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(404);
        expect(await json(answer)).toMatchObject({ code: "404" });
      }
      expect(await db.drpToken.count({ where: { agentId: agent.rowId } })).toBe(0);
    } finally {
      process.env.DRP_BUSINESS_ID = saved;
    }
    // The modules imported at the start still answer.
    const agent = await newAgent();
    expect(
      (await registerToken(agent.agentId, signed(trust(agent), agent.privateKey))).status,
    ).toBe(200);
  });
});
