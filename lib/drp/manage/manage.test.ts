import { generateKeyPairSync, randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { ZDrpAgentRegistration } from "@/lib/validation/drp";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: the DRP agents settings page's writes — permission and a recent passkey, the key
// stored in its one canonical form, one audit event each in the same transaction, and a revoked
// agent's tokens revoked with it.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let mod: {
  register: typeof import("./register-agent");
  revoke: typeof import("./revoke-agent");
  list: typeof import("./list-agents");
};

async function person(role: Actor["role"], passkeyAt: Date | null = new Date()): Promise<Actor> {
  const user = await db.user.create({ data: { email: `${randomUUID()}@test.example.jp`, role } });
  return { userId: user.id, role, email: user.email, ip: "127.0.0.1", passkeyAt };
}

/** A fresh Ed25519 public key: its 32 raw bytes as standard base64 and as hex. */
function newKey() {
  const { publicKey } = generateKeyPairSync("ed25519");
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url");
  return { base64: raw.toString("base64"), hex: raw.toString("hex") };
}

/** The form's values, parsed as the server action parses them. */
function registration(values: Partial<Record<string, string>> = {}) {
  return ZDrpAgentRegistration.parse({
    agentId: `AGENT_${randomUUID().slice(0, 8)}`,
    name: "Permission Slip",
    verifyKey: newKey().base64,
    identityAssuranceUrl: "",
    technicalContact: "",
    ...values,
  });
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    register: await import("./register-agent"),
    revoke: await import("./revoke-agent"),
    list: await import("./list-agents"),
  };
});

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

describe("DRP agent settings", () => {
  it("registers an agent with its key in canonical form, audited in the same transaction", async () => {
    const manager = await person("MANAGER");
    const key = newKey();
    const input = registration({
      verifyKey: key.hex.toUpperCase(),
      identityAssuranceUrl: "https://agent.example.com/identity-assurance",
      technicalContact: "drp@agent.example.com",
    });
    const created = await mod.register.registerDrpAgent({ actor: manager, input });

    const stored = await db.drpAgent.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored).toMatchObject({
      agentId: input.agentId,
      name: "Permission Slip",
      verifyKey: key.base64,
      identityAssuranceUrl: "https://agent.example.com/identity-assurance",
      technicalContact: "drp@agent.example.com",
      registeredById: manager.userId,
      revokedAt: null,
    });
    const audits = await db.auditEvent.findMany({ where: { actorId: manager.userId } });
    expect(audits.map((a) => [a.action, a.entityType, a.entityId, a.data])).toEqual([
      [
        "drp-agent.register",
        "DrpAgent",
        created.id,
        { agentId: input.agentId, keyFingerprint: key.base64.slice(0, 12) },
      ],
    ]);
  });

  it("stores empty optional fields as null, and base64url keys as standard base64", async () => {
    const manager = await person("ADMIN");
    const key = newKey();
    const urlSafe = Buffer.from(key.base64, "base64").toString("base64url");
    const created = await mod.register.registerDrpAgent({
      actor: manager,
      input: registration({ verifyKey: urlSafe }),
    });
    const stored = await db.drpAgent.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.verifyKey).toBe(key.base64);
    expect(stored.identityAssuranceUrl).toBeNull();
    expect(stored.technicalContact).toBeNull();
  });

  it("refuses a second agent with the same id", async () => {
    const manager = await person("MANAGER");
    const input = registration();
    await mod.register.registerDrpAgent({ actor: manager, input });
    await expect(
      mod.register.registerDrpAgent({
        actor: manager,
        input: { ...input, verifyKey: newKey().hex },
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "drp.errors.duplicate",
      fieldErrors: { agentId: "drp.errors.duplicate" },
    });
    expect(await db.drpAgent.count({ where: { agentId: input.agentId } })).toBe(1);
  });

  it("refuses a key that is not an Ed25519 public key, in the schema and in the data layer", async () => {
    for (const verifyKey of [
      "not a key",
      "ab".repeat(31),
      "ab".repeat(33),
      "A".repeat(44) + "==",
    ]) {
      const parsed = ZDrpAgentRegistration.safeParse({ ...registration(), verifyKey });
      expect(parsed.success, verifyKey).toBe(false);
      expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
        ["verifyKey", "drp.errors.badKey"],
      ]);
    }
    const manager = await person("MANAGER");
    const input = { ...registration(), verifyKey: "zz".repeat(32) };
    await expect(mod.register.registerDrpAgent({ actor: manager, input })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { verifyKey: "drp.errors.badKey" },
    });
    expect(await db.drpAgent.count({ where: { agentId: input.agentId } })).toBe(0);
  });

  it("checks the other fields with catalogue keys", () => {
    const parsed = ZDrpAgentRegistration.safeParse({
      agentId: "bad id!",
      name: "",
      verifyKey: newKey().base64,
      identityAssuranceUrl: "http://agent.example.com/ia",
      technicalContact: "not-an-email",
    });
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message]).sort()).toEqual([
      ["agentId", "drp.errors.agentId"],
      ["identityAssuranceUrl", "drp.errors.httpsUrl"],
      ["name", "validation.required"],
      ["technicalContact", "validation.email"],
    ]);
    // The form's empty optional fields become null, and null is accepted when parsed again.
    const twice = ZDrpAgentRegistration.parse(registration());
    expect(twice).toMatchObject({ identityAssuranceUrl: null, technicalContact: null });
  });

  it("refuses staff, and a manager without a recent passkey", async () => {
    const staff = await person("STAFF");
    await expect(
      mod.register.registerDrpAgent({ actor: staff, input: registration() }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(mod.list.listDrpAgents({ actor: staff })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      mod.revoke.revokeDrpAgent({ actor: staff, input: { id: "anything" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stale = await person("MANAGER", new Date(Date.now() - 60 * 60 * 1000));
    await expect(
      mod.register.registerDrpAgent({ actor: stale, input: registration() }),
    ).rejects.toMatchObject({ code: "STEP_UP_REQUIRED" });
  });

  it("revokes an agent with all its tokens, once", async () => {
    const manager = await person("MANAGER");
    const agent = await mod.register.registerDrpAgent({ actor: manager, input: registration() });
    const other = await mod.register.registerDrpAgent({ actor: manager, input: registration() });
    const earlier = new Date("2026-01-01T00:00:00Z");
    await db.drpToken.createMany({
      data: [
        { agentId: agent.id, tokenHash: randomUUID() },
        { agentId: agent.id, tokenHash: randomUUID(), revokedAt: earlier },
        { agentId: other.id, tokenHash: randomUUID() },
      ],
    });

    await mod.revoke.revokeDrpAgent({ actor: manager, input: { id: agent.id } });
    const revoked = await db.drpAgent.findUniqueOrThrow({ where: { id: agent.id } });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    const tokens = await db.drpToken.findMany({ where: { agentId: agent.id } });
    expect(tokens.every((token) => token.revokedAt)).toBe(true);
    // A token revoked before keeps its own date.
    expect(tokens.map((token) => token.revokedAt!.getTime()).sort()).toEqual(
      [earlier.getTime(), revoked.revokedAt!.getTime()].sort(),
    );
    const untouched = await db.drpToken.findFirstOrThrow({ where: { agentId: other.id } });
    expect(untouched.revokedAt).toBeNull();

    await expect(
      mod.revoke.revokeDrpAgent({ actor: manager, input: { id: agent.id } }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "drp.errors.notActive" });
    await expect(
      mod.revoke.revokeDrpAgent({ actor: manager, input: { id: "no-such-agent" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const audits = await db.auditEvent.findMany({
      where: { entityId: agent.id },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => [a.action, a.data])).toEqual([
      ["drp-agent.register", expect.objectContaining({ agentId: revoked.agentId })],
      ["drp-agent.revoke", { agentId: revoked.agentId, tokensRevoked: 1 }],
    ]);
  });

  it("lists agents newest first with their request counts", async () => {
    const manager = await person("MANAGER");
    const first = await mod.register.registerDrpAgent({ actor: manager, input: registration() });
    const second = await mod.register.registerDrpAgent({ actor: manager, input: registration() });
    await db.drpAgent.update({
      where: { id: first.id },
      data: { createdAt: new Date("2020-01-01T00:00:00Z") },
    });
    const subject = await db.subject.create({ data: { familyName: "代理", givenName: "花子" } });
    const request = await db.request.create({
      data: {
        reference: `R-2093-${String(Date.now() % 1_000_000).padStart(6, "0")}`,
        type: "DISCLOSURE",
        status: "SUBMITTED",
        subjectId: subject.id,
        filerRole: "APPOINTED_AGENT",
        channel: "DRP",
        jurisdictions: ["US_CA"],
        details: {},
        receivedAt: new Date(),
        dueAt: new Date(Date.now() + 86_400_000),
      },
    });
    await db.drpRequest.create({
      data: {
        agentId: second.id,
        requestId: request.id,
        exercise: "access",
        regime: "ccpa",
        messageHash: randomUUID(),
      },
    });
    const list = await mod.list.listDrpAgents({ actor: manager });
    const ids = list.map((a) => a.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(ids.at(-1)).toBe(first.id);
    const row = list.find((a) => a.id === second.id)!;
    expect(row).toMatchObject({
      agentId: second.agentId,
      name: "Permission Slip",
      identityAssuranceUrl: null,
      technicalContact: null,
      revokedAt: null,
      requestCount: 1,
    });
    expect(list.find((a) => a.id === first.id)?.requestCount).toBe(0);
    expect(row.verifyKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(row.createdAt).toBeInstanceOf(Date);
  });
});
