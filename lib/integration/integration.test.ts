import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "@/lib/db";
import type { ApiScope } from "@/lib/generated/prisma/enums";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: the /api/v1 endpoints as the route handlers call them, against real PostgreSQL —
// keys, pushes and their idempotency, restrictions, webhook delivery, task results.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let mod: {
  keys: typeof import("./keys");
  endpoints: typeof import("./endpoints");
  webhooks: typeof import("./webhooks");
  signature: typeof import("@/lib/fulfilment/engine/signature");
  runContext: typeof import("@/lib/fulfilment/engine/internal/run-context");
  boss: typeof import("@/lib/jobs/boss");
};
const ids: Record<string, string> = {};
const SECRET = "test-system-secret-0123456789";

async function newKey(scopes: ApiScope[], systemId = ids.shop!) {
  return db.$transaction((tx) =>
    mod.keys.createApiKey(tx, { systemId, label: "test", scopes, createdById: null }),
  );
}

const call = (path: string, key: string | null, init: RequestInit = {}) =>
  new Request(`http://portal.test/api/v1${path}`, {
    ...init,
    headers: {
      "content-type": "application/json",
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });

const post = (path: string, key: string | null, body: unknown, headers?: Record<string, string>) =>
  call(path, key, { method: "POST", body: JSON.stringify(body), headers });

async function subject() {
  const s = await db.subject.create({ data: { familyName: "試験", givenName: "花子" } });
  const externalId = `SHOP-${randomUUID()}`;
  await db.subjectExternalId.create({
    data: { subjectId: s.id, systemId: ids.shop!, externalId },
  });
  return { id: s.id, externalId };
}

const provision = (subject: string, eventId: string, over: object = {}) => ({
  eventId,
  subject,
  recipient: "partner",
  purpose: "marketing",
  scene: "booking",
  providedAt: "2025-04-01T10:00:00+09:00",
  items: ["name", "email"],
  legalBasis: "CONSENT",
  keepUntil: "2028-04-01T00:00:00Z",
  ...over,
});

const newRequest = (subjectId: string, type: "DISCLOSURE" | "STOP_PROVISION") =>
  db.request.create({
    data: {
      reference: `R-2099-${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`,
      type,
      status: "IN_PROGRESS",
      subjectId,
      details: {},
      dueAt: new Date(Date.now() + 86_400_000),
    },
    select: { id: true },
  });

async function auditRows(action: string, keyId: string) {
  return db.auditEvent.findMany({ where: { action, entityId: keyId }, orderBy: { id: "asc" } });
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    keys: await import("./keys"),
    endpoints: await import("./endpoints"),
    webhooks: await import("./webhooks"),
    signature: await import("@/lib/fulfilment/engine/signature"),
    runContext: await import("@/lib/fulfilment/engine/internal/run-context"),
    boss: await import("@/lib/jobs/boss"),
  };
  const shop = await db.dataSystem.create({
    data: { key: "shop", nameJa: "店舗", nameEn: "Shop", connector: "HTTP", secret: SECRET },
  });
  const other = await db.dataSystem.create({
    data: { key: "other", nameJa: "他", nameEn: "Other", connector: "MANUAL" },
  });
  ids.shop = shop.id;
  ids.other = other.id;
  await db.dataCategory.createMany({
    data: [
      { key: "name", nameJa: "氏名", nameEn: "Name" },
      { key: "email", nameJa: "メール", nameEn: "Email" },
    ],
  });
  const purpose = await db.purpose.create({
    data: { key: "marketing", nameJa: "販促", nameEn: "Marketing" },
  });
  ids.purpose = purpose.id;
  const partner = await db.recipient.create({
    data: { key: "partner", nameJa: "提携", nameEn: "Partner", recipientClass: "THIRD_PARTY" },
  });
  ids.partner = partner.id;
  await db.recipient.create({
    data: { key: "group", nameJa: "グループ", nameEn: "Group", recipientClass: "GROUP_COMPANY" },
  });
  await db.scene.create({ data: { key: "booking", nameJa: "予約", nameEn: "Booking" } });
});

afterAll(async () => {
  await (await mod.boss.getBoss()).stop({ graceful: false }).catch(() => undefined);
  await db.$disconnect();
  await testDb.drop();
});

describe("API keys", () => {
  it("stores only the hash, and refuses unknown, revoked and out-of-scope keys", async () => {
    const created = await newKey(["READ_RESTRICTIONS"]);
    expect(created.key).toMatch(/^dsk_[0-9a-f]{12}_/);
    const row = await db.apiKey.findUniqueOrThrow({
      where: { id: created.id },
      omit: { hash: false },
    });
    expect(row.hash).toBe(mod.keys.hashKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);
    const s = await subject();
    const path = `/subjects/${s.externalId}/restrictions`;

    const ok = await mod.endpoints.getSubjectRestrictions(call(path, created.key), s.externalId);
    expect(ok.status).toBe(200);
    const wrong = `${created.key.slice(0, -1)}${created.key.endsWith("A") ? "B" : "A"}`;
    const refused = await mod.endpoints.getSubjectRestrictions(call(path, wrong), s.externalId);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "unauthenticated" } });
    expect(
      (await mod.endpoints.getSubjectRestrictions(call(path, null), s.externalId)).status,
    ).toBe(401);

    const push = await mod.endpoints.postProvisions(
      post("/provisions", created.key, { events: [] }),
    );
    expect(push.status).toBe(403);
    expect(await push.json()).toMatchObject({ error: { code: "missing_scope" } });
    const refusals = await auditRows("api.provisions.push", created.id);
    expect(refusals.map((a) => a.data)).toEqual([
      { systemId: ids.shop, status: 403, code: "missing_scope", itemErrors: null },
    ]);

    await db.$transaction((tx) => mod.keys.revokeApiKey(tx, { keyId: created.id }));
    const revoked = await mod.endpoints.getSubjectRestrictions(
      call(path, created.key),
      s.externalId,
    );
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({ error: { code: "revoked" } });
    const used = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(used.lastUsedAt).not.toBeNull();
  });

  it("answers 429 with Retry-After once the key's window is used up", async () => {
    const created = await newKey(["READ_RESTRICTIONS"]);
    const { LIMITS, rateKey } = await import("@/lib/rate-limit");
    const windowMs = LIMITS.apiPerKey.windowSeconds * 1000;
    const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs);
    // This window and the next, so a call that crosses the boundary is refused too.
    await db.rateLimit.createMany({
      data: [0, windowMs].map((offset) => ({
        key: rateKey("api", created.id),
        windowStart: new Date(windowStart.getTime() + offset),
        count: LIMITS.apiPerKey.limit,
      })),
    });
    const answer = await mod.endpoints.getSubjectRestrictions(
      call("/subjects/x/restrictions", created.key),
      "x",
    );
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await answer.json()).toMatchObject({ error: { code: "rate_limited" } });
  });

  it("rotates: a new key with the same scopes, the old one revoked", async () => {
    const created = await newKey(["PUSH_DATA", "READ_RESTRICTIONS"]);
    const rotated = await db.$transaction((tx) =>
      mod.keys.rotateApiKey(tx, { keyId: created.id, createdById: null }),
    );
    expect(rotated?.key).not.toBe(created.key);
    const [old, fresh] = await Promise.all([
      db.apiKey.findUniqueOrThrow({ where: { id: created.id } }),
      db.apiKey.findUniqueOrThrow({ where: { id: rotated!.id } }),
    ]);
    expect(old.revokedAt).not.toBeNull();
    expect(fresh.scopes.sort()).toEqual(["PUSH_DATA", "READ_RESTRICTIONS"]);
    expect(fresh.revokedAt).toBeNull();
  });
});

describe("pushing provisions", () => {
  it("stores a batch once however often it is sent, and audits each call with counts", async () => {
    const { key, id } = await newKey(["PUSH_PROVISIONS"]);
    const s = await subject();
    const events = Array.from({ length: 50 }, (_, i) => provision(s.externalId, `ev-${s.id}-${i}`));
    const first = await mod.endpoints.postProvisions(post("/provisions", key, { events }));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: 50, stored: 50, duplicates: 0 });
    const again = await mod.endpoints.postProvisions(post("/provisions", key, { events }));
    expect(await again.json()).toEqual({ received: 50, stored: 0, duplicates: 50 });

    const rows = await db.provisionRecord.findMany({ where: { subjectId: s.id } });
    expect(rows).toHaveLength(50);
    expect(rows[0]).toMatchObject({
      recipientId: ids.partner,
      purposeId: ids.purpose,
      sourceSystemId: ids.shop,
      items: ["name", "email"],
      legalBasis: "CONSENT",
    });
    expect(rows[0]!.providedAt.toISOString()).toBe("2025-04-01T01:00:00.000Z");
    const audits = await auditRows("api.provisions.push", id);
    expect(audits.map((a) => a.data)).toEqual([
      { systemId: ids.shop, status: 200, received: 50, stored: 50, duplicates: 0 },
      { systemId: ids.shop, status: 200, received: 50, stored: 0, duplicates: 50 },
    ]);
  });

  it("refuses a batch of 10,001 with 413 and stores nothing", async () => {
    const { key } = await newKey(["PUSH_PROVISIONS"]);
    const s = await subject();
    const events = Array.from({ length: 10_001 }, (_, i) => provision(s.externalId, `big-${i}`));
    const answer = await mod.endpoints.postProvisions(post("/provisions", key, { events }));
    expect(answer.status).toBe(413);
    expect(await answer.json()).toMatchObject({ error: { code: "batch_too_large" } });
    expect(await db.provisionRecord.count({ where: { subjectId: s.id } })).toBe(0);
  });

  it("names each bad item by index and stores nothing from that batch", async () => {
    const { key, id } = await newKey(["PUSH_PROVISIONS"]);
    const s = await subject();
    const events = [
      provision(s.externalId, `ok-${s.id}`),
      provision(s.externalId, `bad-date-${s.id}`, { providedAt: "yesterday" }),
      provision("NOBODY", `no-subject-${s.id}`),
      provision(s.externalId, `no-recipient-${s.id}`, { recipient: "nobody" }),
    ];
    const answer = await mod.endpoints.postProvisions(post("/provisions", key, { events }));
    expect(answer.status).toBe(422);
    const body = (await answer.json()) as { error: { items: { index: number; code: string }[] } };
    expect(body.error.items).toEqual([expect.objectContaining({ index: 1, code: "invalid_item" })]);
    const fixed = [...events];
    fixed[1] = provision(s.externalId, `bad-date-${s.id}`);
    const second = await mod.endpoints.postProvisions(post("/provisions", key, { events: fixed }));
    expect(second.status).toBe(422);
    const items = ((await second.json()) as typeof body).error.items;
    expect(items.map((i) => [i.index, i.code])).toEqual([
      [2, "unknown_subject"],
      [3, "unknown_recipient"],
    ]);
    expect(await db.provisionRecord.count({ where: { subjectId: s.id } })).toBe(0);
    const audits = await auditRows("api.provisions.push", id);
    expect(audits.map((a) => (a.data as { status: number }).status)).toEqual([422, 422]);
  });

  it("refuses opt-out provision to a recipient whose address and representative are not on file (APPI Art.29)", async () => {
    const { key } = await newKey(["PUSH_PROVISIONS"]);
    const s = await subject();
    const events = [provision(s.externalId, `optout-${s.id}`, { legalBasis: "OPT_OUT" })];
    const refused = await mod.endpoints.postProvisions(post("/provisions", key, { events }));
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { error: { items: { index: number; code: string }[] } };
    expect(body.error.items).toEqual([
      expect.objectContaining({ index: 0, code: "incomplete_recipient_record" }),
    ]);
    await db.recipient.update({
      where: { key: "partner" },
      data: { address: "東京都港区芝公園4-9-9", representative: "代表取締役 提携 太郎" },
    });
    try {
      const stored = await mod.endpoints.postProvisions(post("/provisions", key, { events }));
      expect(stored.status).toBe(200);
      expect(await db.provisionRecord.count({ where: { subjectId: s.id } })).toBe(1);
    } finally {
      await db.recipient.update({
        where: { key: "partner" },
        data: { address: null, representative: null },
      });
    }
  });

  it("answers 400 for a body that is not JSON or has no events", async () => {
    const { key } = await newKey(["PUSH_PROVISIONS"]);
    const notJson = call("/provisions", key, { method: "POST", body: "{" });
    expect((await mod.endpoints.postProvisions(notJson)).status).toBe(400);
    const noEvents = await mod.endpoints.postProvisions(post("/provisions", key, { items: [] }));
    expect(await noEvents.json()).toMatchObject({ error: { code: "invalid_body" } });
  });
});

describe("pushing receipt records (APPI Art.30)", () => {
  const receipt = (subject: string, eventId: string, over: object = {}) => ({
    eventId,
    subject,
    provider: { name: "株式会社提供元", address: "東京都港区1-1", representative: "代表 太郎" },
    acquisitionMethod: "提供元が本人から直接取得し、提供に同意を得たもの",
    receivedAt: "2025-06-01T09:30:00+09:00",
    items: ["name", "email"],
    legalBasis: "CONSENT",
    keepUntil: "2028-06-01T00:00:00Z",
    ...over,
  });

  it("stores the provider, how it obtained the data and the items once, and audits the call", async () => {
    const { key, id } = await newKey(["PUSH_RECEIPTS"]);
    const s = await subject();
    const events = [
      receipt(s.externalId, `rc-${s.id}-1`),
      receipt(s.externalId, `rc-${s.id}-2`, {
        provider: { name: "個人の提供者", address: "大阪市北区2-2" },
      }),
    ];
    const first = await mod.endpoints.postReceipts(post("/receipts", key, { events }));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: 2, stored: 2, duplicates: 0 });
    const again = await mod.endpoints.postReceipts(post("/receipts", key, { events }));
    expect(await again.json()).toEqual({ received: 2, stored: 0, duplicates: 2 });

    const rows = await db.receiptRecord.findMany({
      where: { subjectId: s.id },
      orderBy: { externalEventId: "asc" },
    });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      sourceSystemId: ids.shop,
      providerName: "株式会社提供元",
      providerAddress: "東京都港区1-1",
      providerRepresentative: "代表 太郎",
      acquisitionMethod: "提供元が本人から直接取得し、提供に同意を得たもの",
      items: ["name", "email"],
      legalBasis: "CONSENT",
    });
    expect(rows[0]!.receivedAt.toISOString()).toBe("2025-06-01T00:30:00.000Z");
    expect(rows[1]!.providerRepresentative).toBeNull();
    const audits = await auditRows("api.receipts.push", id);
    expect(audits.map((a) => a.data)).toEqual([
      { systemId: ids.shop, status: 200, received: 2, stored: 2, duplicates: 0 },
      { systemId: ids.shop, status: 200, received: 2, stored: 0, duplicates: 2 },
    ]);
  });

  it("refuses a record without the provider's address or how it obtained the data, naming the item", async () => {
    const { key } = await newKey(["PUSH_RECEIPTS"]);
    const s = await subject();
    const shapes = [
      receipt(s.externalId, `ok-${s.id}`),
      receipt(s.externalId, `no-address-${s.id}`, { provider: { name: "提供元" } }),
      receipt(s.externalId, `no-method-${s.id}`, { acquisitionMethod: " " }),
    ];
    const badShape = await mod.endpoints.postReceipts(post("/receipts", key, { events: shapes }));
    expect(badShape.status).toBe(422);
    const shapeBody = (await badShape.json()) as { error: { items: { index: number }[] } };
    expect(shapeBody.error.items.map((i) => i.index).sort()).toEqual([1, 2]);

    const unknown = [
      receipt(s.externalId, `ok-${s.id}`),
      receipt("NOBODY", `nobody-${s.id}`),
      receipt(s.externalId, `bad-item-${s.id}`, { items: ["shoe_size"] }),
    ];
    const answer = await mod.endpoints.postReceipts(post("/receipts", key, { events: unknown }));
    expect(answer.status).toBe(422);
    const body = (await answer.json()) as { error: { items: { index: number; code: string }[] } };
    expect(body.error.items.map((i) => [i.index, i.code])).toEqual([
      [1, "unknown_subject"],
      [2, "unknown_category"],
    ]);
    expect(await db.receiptRecord.count({ where: { subjectId: s.id } })).toBe(0);
  });

  it("needs the PUSH_RECEIPTS scope", async () => {
    const { key } = await newKey(["PUSH_PROVISIONS"]);
    const s = await subject();
    const answer = await mod.endpoints.postReceipts(
      post("/receipts", key, { events: [receipt(s.externalId, `scope-${s.id}`)] }),
    );
    expect(answer.status).toBe(403);
  });
});

describe("pushing items", () => {
  it("stores a subject's items once, and 404s an unknown subject", async () => {
    const { key } = await newKey(["PUSH_DATA"]);
    const s = await subject();
    const items = [
      {
        eventId: `i1-${s.id}`,
        category: "name",
        field: "fullName",
        value: "試験 花子",
        collectedAt: "2025-01-01T00:00:00Z",
      },
      {
        eventId: `i2-${s.id}`,
        category: "email",
        field: "email",
        value: "h@example.jp",
        collectedAt: "2025-01-01T00:00:00Z",
        source: "AUTOMATIC",
      },
    ];
    const path = `/subjects/${s.externalId}/items`;
    const first = await mod.endpoints.postSubjectItems(post(path, key, { items }), s.externalId);
    expect(await first.json()).toEqual({ received: 2, stored: 2, duplicates: 0 });
    const again = await mod.endpoints.postSubjectItems(post(path, key, { items }), s.externalId);
    expect(await again.json()).toEqual({ received: 2, stored: 0, duplicates: 2 });
    const stored = await db.personalDataItem.findMany({
      where: { subjectId: s.id },
      orderBy: { field: "asc" },
    });
    expect(stored.map((i) => [i.field, i.source, i.systemId])).toEqual([
      ["email", "AUTOMATIC", ids.shop],
      ["fullName", "DIRECT", ids.shop],
    ]);
    const unknown = await mod.endpoints.postSubjectItems(
      post("/subjects/NOBODY/items", key, { items }),
      "NOBODY",
    );
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "unknown_subject" } });
  });
});

describe("reading restrictions", () => {
  it("lists active restrictions by key and the recipients stopped by name or class", async () => {
    const { key } = await newKey(["READ_RESTRICTIONS"]);
    const s = await subject();
    await db.useRestriction.createMany({
      data: [
        { subjectId: s.id, kind: "PURPOSE", purposeId: ids.purpose },
        { subjectId: s.id, kind: "RECIPIENT", recipientId: ids.partner },
        { subjectId: s.id, kind: "RECIPIENT_CLASS", recipientClass: "GROUP_COMPANY" },
        {
          subjectId: s.id,
          kind: "RECIPIENT_CLASS",
          recipientClass: "PROCESSOR",
          liftedAt: new Date(),
        },
      ],
    });
    const path = `/subjects/${s.externalId}/restrictions`;
    const answer = await mod.endpoints.getSubjectRestrictions(call(path, key), s.externalId);
    const body = (await answer.json()) as import("./read-restrictions").RestrictionsAnswer;
    expect(body.subject).toBe(s.externalId);
    expect(
      body.restrictions.map((r) => [r.kind, r.purpose, r.recipient, r.recipientClass]).sort(),
    ).toEqual([
      ["PURPOSE", "marketing", null, null],
      ["RECIPIENT", null, "partner", null],
      ["RECIPIENT_CLASS", null, null, "GROUP_COMPANY"],
    ]);
    expect(body.stoppedRecipients).toEqual(["group", "partner"]);
    const unknown = await mod.endpoints.getSubjectRestrictions(
      call("/subjects/x/restrictions", key),
      "x",
    );
    expect(unknown.status).toBe(404);
  });
});

describe("restrictions.changed webhooks", () => {
  let server: Server;
  const received: { headers: IncomingMessage["headers"]; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        // The first delivery fails, so the retry is exercised too.
        res.writeHead(received.length === 1 ? 503 : 204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends a signed POST when the engine creates a restriction, retrying until 2xx", async () => {
    const port = (server.address() as AddressInfo).port;
    await db.webhookSubscription.create({
      data: { systemId: ids.shop!, url: `http://127.0.0.1:${port}/hook` },
    });
    await db.webhookSubscription.create({
      data: { systemId: ids.other!, url: `http://127.0.0.1:${port}/other` },
    });
    const s = await subject();
    const request = await newRequest(s.id, "STOP_PROVISION");
    const ctx = {
      task: { id: "task-x", action: "RESTRICT", attempts: 0 },
      request: {
        id: request.id,
        reference: "R",
        type: "STOP_PROVISION",
        subjectId: s.id,
        details: {},
      },
      system: { id: ids.shop!, key: "shop", connector: "HTTP", config: {} },
    } as unknown as Parameters<typeof mod.runContext.ensureRestriction>[1];
    await db.$transaction((tx) =>
      mod.runContext.ensureRestriction(tx, ctx, { kind: "RECIPIENT", recipientId: ids.partner }),
    );

    const boss = await mod.boss.getBoss();
    await mod.webhooks.registerWebhookJobs(boss, db);
    // pg-boss backs off 10 s before the retry: move the failed job's start forward.
    for (let i = 0; i < 60 && received.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 500));
      await db.$executeRawUnsafe(
        `UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND state = 'retry'`,
        mod.webhooks.WEBHOOK_QUEUE,
      );
    }
    expect(received).toHaveLength(2);
    const delivery = received[1]!;
    expect(JSON.parse(delivery.body)).toMatchObject({
      event: "restrictions.changed",
      subject: s.externalId,
    });
    const check = mod.signature.verifySignature({
      secret: SECRET,
      body: delivery.body,
      timestamp: String(delivery.headers["x-dsar-timestamp"]),
      nonce: String(delivery.headers["x-dsar-nonce"]),
      signature: String(delivery.headers["x-dsar-signature"]),
    });
    expect(check.ok).toBe(true);
  });
});

describe("task results through the API", () => {
  it("settles a running task with key and signature, and refuses the replay", async () => {
    const { key } = await newKey(["REPORT_TASKS"]);
    const s = await subject();
    const request = await newRequest(s.id, "DISCLOSURE");
    const task = await db.fulfilmentTask.create({
      data: { requestId: request.id, systemId: ids.shop!, action: "EXPORT", status: "RUNNING" },
    });
    const body = JSON.stringify({ taskId: task.id, status: "FAILED" });
    const signed = mod.signature.signBody({ secret: SECRET, body });
    const send = () =>
      mod.endpoints.postTaskResult(
        call(`/tasks/${task.id}/result`, key, { method: "POST", body, headers: signed }),
        task.id,
      );
    const unsigned = await mod.endpoints.postTaskResult(
      call(`/tasks/${task.id}/result`, key, { method: "POST", body }),
      task.id,
    );
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ error: { code: "malformed" } });

    const first = await send();
    expect(first.status).toBe(200);
    expect((await db.fulfilmentTask.findUniqueOrThrow({ where: { id: task.id } })).status).toBe(
      "FAILED",
    );
    const replay = await send();
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ error: { code: "replayed" } });

    const mismatch = await mod.endpoints.postTaskResult(
      call(`/tasks/other/result`, key, { method: "POST", body, headers: signed }),
      "other",
    );
    expect(mismatch.status).toBe(400);
  });
});
