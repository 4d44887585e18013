import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: the settings page's writes — permission, one audit event each in the same
// transaction, and never the key itself in the audit log.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let mod: {
  create: typeof import("./create-api-key");
  rotate: typeof import("./rotate-api-key");
  revoke: typeof import("./revoke-api-key");
  webhook: typeof import("./set-webhook");
  list: typeof import("./list-integration");
};
const ids: Record<string, string> = {};

async function person(role: Actor["role"]): Promise<Actor> {
  const user = await db.user.create({ data: { email: `${randomUUID()}@test.example.jp`, role } });
  return { userId: user.id, role, email: user.email, ip: "127.0.0.1", passkeyAt: new Date() };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    create: await import("./create-api-key"),
    rotate: await import("./rotate-api-key"),
    revoke: await import("./revoke-api-key"),
    webhook: await import("./set-webhook"),
    list: await import("./list-integration"),
  };
  const signed = await db.dataSystem.create({
    data: { key: "shop", nameJa: "店舗", nameEn: "Shop", connector: "HTTP", secret: "s3cret" },
  });
  const paper = await db.dataSystem.create({
    data: { key: "paper", nameJa: "紙", nameEn: "Paper", connector: "MANUAL" },
  });
  ids.shop = signed.id;
  ids.paper = paper.id;
});

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

describe("API key settings", () => {
  it("refuses staff", async () => {
    const staff = await person("STAFF");
    const input = { systemId: ids.shop!, label: "", scopes: ["PUSH_DATA" as const] };
    await expect(mod.create.createApiKey({ actor: staff, input })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(mod.list.listIntegration({ actor: staff, locale: "ja" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("creates, rotates and revokes with one audit event each, never holding the key", async () => {
    const manager = await person("MANAGER");
    const created = await mod.create.createApiKey({
      actor: manager,
      input: { systemId: ids.shop!, label: "pos", scopes: ["PUSH_DATA", "READ_RESTRICTIONS"] },
    });
    const rotated = await mod.rotate.rotateApiKey({
      actor: manager,
      input: {
        keyId: (await db.apiKey.findFirstOrThrow({ where: { prefix: created.prefix } })).id,
      },
    });
    const fresh = await db.apiKey.findFirstOrThrow({ where: { prefix: rotated.prefix } });
    await mod.revoke.revokeApiKey({ actor: manager, input: { keyId: fresh.id } });
    await expect(
      mod.revoke.revokeApiKey({ actor: manager, input: { keyId: fresh.id } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const audits = await db.auditEvent.findMany({
      where: { actorId: manager.userId },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual([
      "api-key.create",
      "api-key.rotate",
      "api-key.revoke",
    ]);
    const text = JSON.stringify(audits.map((a) => a.data));
    expect(text).not.toContain(created.key);
    expect(text).not.toContain(rotated.key);

    const [shop] = (await mod.list.listIntegration({ actor: manager, locale: "en" })).filter(
      (s) => s.key === "shop",
    );
    expect(shop?.canSign).toBe(true);
    expect(shop?.apiKeys.map((k) => Boolean(k.revokedAt))).toEqual([true, true]);
    expect(JSON.stringify(shop)).not.toMatch(/hash|s3cret/);
  });

  it("sets a webhook only for a system that can sign, auditing the host", async () => {
    const manager = await person("ADMIN");
    await expect(
      mod.webhook.setWebhook({
        actor: manager,
        input: { systemId: ids.paper!, url: "https://paper.example.jp/hook", active: true },
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await mod.webhook.setWebhook({
      actor: manager,
      input: { systemId: ids.shop!, url: "https://shop.example.jp/hook?t=1", active: true },
    });
    await mod.webhook.setWebhook({
      actor: manager,
      input: { systemId: ids.shop!, url: "https://shop.example.jp/hook?t=1", active: false },
    });
    const hook = await db.webhookSubscription.findUniqueOrThrow({ where: { systemId: ids.shop! } });
    expect(hook.active).toBe(false);
    const audits = await db.auditEvent.findMany({
      where: { actorId: manager.userId, action: "webhook.set" },
    });
    expect(audits.map((a) => a.data)).toEqual([
      { systemId: ids.shop, host: "shop.example.jp", active: true },
      { systemId: ids.shop, host: "shop.example.jp", active: false },
    ]);
  });
});
