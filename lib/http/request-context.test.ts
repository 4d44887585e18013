import http from "node:http";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { Db } from "@/lib/db";
import { createTestDatabase } from "@/scripts/lib/test-database";

// One id per HTTP request (issue 17), against a real server and PostgreSQL: the app server's hook
// gives it to the response (whatever the client claimed), to every log line written while the
// request is served, to the access-log line, and to the audit events it records, whose chain
// still verifies.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let server: http.Server;
let base: string;
let mod: {
  audit: typeof import("@/lib/audit/record");
  verify: typeof import("@/lib/audit/verify");
  log: typeof import("@/lib/log");
  peer: typeof import("./peer");
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    audit: await import("@/lib/audit/record"),
    verify: await import("@/lib/audit/verify"),
    log: await import("@/lib/log"),
    peer: await import("./peer"),
  };
  mod.peer.stampPeerAddresses();
  server = http.createServer((_request, response) => {
    void (async () => {
      // Work after an await, in a transaction, as a server action's would be.
      await new Promise((resolve) => setTimeout(resolve, 5));
      await db.$transaction((tx) =>
        mod.audit.recordAudit(tx, {
          actorId: null,
          actorRole: null,
          action: "test.request-context",
          entityType: "Test",
          entityId: "t1",
        }),
      );
      mod.log.log.info("inside the request", { step: "audited" });
      response.statusCode = 201;
      response.end("ok");
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  server.close();
  await db.$disconnect();
  await testDb.drop();
});

describe("the request's id", () => {
  it("is on the response, the log lines, the access line and the audit event", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((line: string) => lines.push(line));
    try {
      const response = await fetch(`${base}/ja/me/requests/R-2026-000001?token=secret`, {
        headers: { "x-request-id": "chosen-by-the-client" },
      });
      expect(response.status).toBe(201);
      const id = response.headers.get("x-request-id")!;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      // The access line is written when the response has gone out.
      await expect.poll(() => lines.some((l) => l.includes('"message":"request"'))).toBe(true);
      const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(entries.find((e) => e.message === "inside the request")).toMatchObject({
        level: "info",
        requestId: id,
        step: "audited",
      });
      const access = entries.find((e) => e.message === "request")!;
      expect(access).toMatchObject({ requestId: id, method: "GET", status: 201 });
      expect(typeof access.ms).toBe("number");
      // The route's pattern at most, never the path's reference nor the query string.
      expect(lines.join("\n")).not.toMatch(/R-2026-000001|secret|chosen-by-the-client/);

      const event = await db.auditEvent.findFirstOrThrow({
        where: { action: "test.request-context" },
        orderBy: { id: "desc" },
      });
      expect(event.correlationId).toBe(id);
      expect((await mod.verify.verifyAuditChain(db)).ok).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });

  it("differs between requests, and is absent outside one", async () => {
    const [a, b] = await Promise.all([fetch(base), fetch(base)]);
    expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
    await db.$transaction((tx) =>
      mod.audit.recordAudit(tx, {
        actorId: null,
        actorRole: null,
        action: "test.no-request",
        entityType: "Test",
        entityId: "t2",
      }),
    );
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "test.no-request" } });
    expect(event.correlationId).toBeNull();
    expect((await mod.verify.verifyAuditChain(db)).ok).toBe(true);
  });
});
