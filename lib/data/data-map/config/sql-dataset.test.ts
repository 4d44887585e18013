import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import {
  createTargetDb,
  SHOP_DATASET,
  type TargetDb,
} from "@/lib/fulfilment/engine/connectors/sql/test-targets";
import { openSecret, parseMasterKey } from "@/lib/storage/envelope";
import { createTestDatabase } from "@/scripts/lib/test-database";
import { stringify } from "yaml";

// Integration: a SQL system's dataset as a manager saves it (the YAML's problems with their place,
// nothing saved then; the connection URL sealed to the system and never in the audit) and tests it
// against a real MariaDB; staff may not.

let app: { url: string; drop: () => Promise<void> };
let target: TargetDb;
let db: Db;
let mod: typeof import("./sql-dataset") & { health: typeof import("./system-health") };
let manager: Actor;
let staff: Actor;
let systemId: string;

async function person(role: Actor["role"]): Promise<Actor> {
  const user = await db.user.create({ data: { email: `${randomUUID()}@test.example.jp`, role } });
  return { userId: user.id, role, email: user.email, ip: "127.0.0.1", passkeyAt: new Date() };
}

const yaml = (change: (d: typeof SHOP_DATASET) => unknown = (d) => d) =>
  stringify(change(structuredClone({ ...SHOP_DATASET, engine: "mysql" })));

beforeAll(async () => {
  [app, target] = await Promise.all([createTestDatabase(), createTargetDb("mysql")]);
  process.env.DATABASE_URL = app.url;
  db = (await import("@/lib/db")).getDb();
  mod = { ...(await import("./sql-dataset")), health: await import("./system-health") };
  for (const key of ["identity", "contact", "purchase", "message"])
    await db.dataCategory.create({ data: { key, nameJa: key, nameEn: key } });
  manager = await person("MANAGER");
  staff = await person("STAFF");
  systemId = (
    await db.dataSystem.create({
      data: { key: "membership", nameJa: "会員", nameEn: "Members", connector: "SQL" },
      select: { id: true },
    })
  ).id;
});

afterAll(async () => {
  await db.$disconnect();
  await Promise.all([app.drop(), target.drop()]);
});

describe("a SQL system's dataset", () => {
  it("starts from an example, and lists the YAML's problems with their place, saving nothing", async () => {
    const shown = await mod.readSqlDataset({ actor: manager, systemId });
    expect(shown).toMatchObject({ valid: false, hasConnection: false });
    expect(shown.yaml).toBe(mod.STARTER_DATASET);
    expect(mod.datasetIssues(mod.STARTER_DATASET).issues).toEqual([]);

    const save = (dataset: string, connectionUrl = "") =>
      mod.saveSqlDataset({ actor: manager, input: { id: systemId, dataset, connectionUrl } });
    expect(await save("engine: mysql\ntables: [\n  - name")).toEqual({
      issues: [expect.objectContaining({ message: "settingsSql.errors.yaml", line: 3 })],
    });
    expect(
      (await save(yaml((d) => ((d.tables[1]!.join!.parent = "customers"), d)))).issues,
    ).toEqual([{ path: "tables.1.join", message: "settingsSql.errors.unknownParent" }]);
    expect((await save(yaml((d) => ({ ...d, tables: "none" })))).issues).toEqual([
      { path: "tables", message: "settingsSql.errors.shape" },
    ]);
    // A category the data map does not have.
    expect(
      (await save(yaml((d) => ((d.tables[2]!.columns[0]!.category = "goods"), d)))).issues,
    ).toEqual([
      { path: "tables.2.columns.0.category", message: "settingsSql.errors.unknownCategory" },
    ]);
    // A URL for the other engine.
    expect((await save(yaml(), "postgresql://x@127.0.0.1/y")).issues).toEqual([
      { path: "engine", message: "settingsSql.errors.engineUrl" },
    ]);
    const stored = await db.dataSystem.findUniqueOrThrow({
      where: { id: systemId },
      select: { config: true, connectionSecret: true },
    });
    expect(stored).toEqual({ config: {}, connectionSecret: null });
  });

  it("saves the dataset with its YAML and the URL sealed to the system; the audit names neither", async () => {
    const text = `# members\n${yaml()}`;
    expect(
      await mod.saveSqlDataset({
        actor: manager,
        input: { id: systemId, dataset: text, connectionUrl: target.url },
      }),
    ).toEqual({ issues: [] });
    const stored = await db.dataSystem.findUniqueOrThrow({
      where: { id: systemId },
      select: { config: true, connectionSecret: true },
    });
    expect(stored.config).toMatchObject({ engine: "mysql", source: text });
    const masterKey = parseMasterKey(process.env.MASTER_KEY);
    expect(openSecret({ sealed: stored.connectionSecret!, masterKey, binding: systemId })).toBe(
      target.url,
    );
    expect(() =>
      openSecret({ sealed: stored.connectionSecret!, masterKey, binding: "another" }),
    ).toThrow();
    const shown = await mod.readSqlDataset({ actor: manager, systemId });
    expect(shown).toMatchObject({ yaml: text, valid: true, hasConnection: true });
    expect(JSON.stringify(shown)).not.toContain("127.0.0.1");
    const audits = await db.auditEvent.findMany({
      where: { action: "config.system.dataset", entityId: systemId },
      select: { data: true },
    });
    expect(audits).toEqual([{ data: { key: "membership", connectionChanged: true } }]);

    // Saved again without a URL: the stored one stays.
    await mod.saveSqlDataset({
      actor: manager,
      input: { id: systemId, dataset: yaml(), connectionUrl: "" },
    });
    expect(
      (
        await db.dataSystem.findUniqueOrThrow({
          where: { id: systemId },
          select: { connectionSecret: true },
        })
      ).connectionSecret,
    ).toBe(stored.connectionSecret);
  });

  it("tests the connection against the live schema", async () => {
    expect(await mod.testSqlSystem({ actor: manager, id: systemId })).toEqual({
      ok: true,
      problems: [],
    });
    const health = () => mod.health.systemHealth({ actor: manager, systemId });
    expect(await health()).toMatchObject({ lastTestProblem: null, lastTestedAt: expect.any(Date) });
    await target.exec("ALTER TABLE orders DROP COLUMN address");
    expect(await mod.testSqlSystem({ actor: manager, id: systemId })).toEqual({
      ok: false,
      problems: [{ at: "orders.address", kind: "noColumn" }],
    });
    // The system's health keeps the last test and counts its tasks of the last 30 days.
    const subject = await db.subject.create({ data: { familyName: "佐藤", givenName: "花子" } });
    const task = async (status: "SUCCEEDED" | "FAILED" | "PENDING", lastError?: string) => {
      const request = await db.request.create({
        data: {
          reference: `R-2099-${randomUUID().slice(0, 6)}`,
          type: "DISCLOSURE",
          status: "IN_PROGRESS",
          subjectId: subject.id,
          dueAt: new Date(),
        },
      });
      await db.fulfilmentTask.create({
        data: {
          requestId: request.id,
          systemId,
          action: "EXPORT",
          status,
          lastError,
          finishedAt: status === "PENDING" ? null : new Date(),
        },
      });
    };
    await task("SUCCEEDED");
    await task("FAILED", "db_unreachable");
    await task("PENDING");
    expect(await health()).toMatchObject({
      succeeded: 1,
      failures: 1,
      open: 1,
      lastFailure: { reason: "db_unreachable" },
      lastTestProblem: "dataset_mismatch:orders.address noColumn",
    });
    expect(
      await db.auditEvent.count({ where: { action: "config.system.test", entityId: systemId } }),
    ).toBe(2);
  });

  it("is for managers only", async () => {
    await expect(mod.readSqlDataset({ actor: staff, systemId })).rejects.toThrow();
    await expect(
      mod.saveSqlDataset({
        actor: staff,
        input: { id: systemId, dataset: yaml(), connectionUrl: "" },
      }),
    ).rejects.toThrow();
    await expect(mod.testSqlSystem({ actor: staff, id: systemId })).rejects.toThrow();
  });
});
