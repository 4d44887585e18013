import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { ConnectorKind, RequestType } from "@/lib/generated/prisma/enums";
import { parseMasterKey, sealSecret } from "@/lib/storage/envelope";
import { verifiedRequest } from "@/lib/test/requests";
import { createTestDatabase } from "@/scripts/lib/test-database";

import { FAILURE_CODES, readFailure } from "../failure";
import { verifySignature } from "../signature";
import type { TaskResult } from "../types";
import { ZHttpTask, type THttpTask } from "../wire";
import { createTargetDb, type TargetDb } from "./sql/test-targets";

// The connector kit's conformance suite (issue 18): every connector (connectors/registry.ts) is
// held to the same behaviour, through the engine as production runs it (fan-out, runner,
// settlement) and, for access, through the disclosure package's own reader:
// - access: the person's data reaches the package, and nobody else's does;
// - correct: the approved value is applied and reported with its before and after;
// - erase: the person's data is gone from the system and the result counts it;
// - stop use: the use is stopped and the result says so;
// - test connection: passes for a working system, names the failure for one that is not;
// - failure: a system that cannot be reached fails the task with a known code, never a success.
// Each kind brings a harness: the system, the person's data behind it, a way to read it back,
// and, for a connector that answers later, the other side (the reference HTTP system below
// answers at once; the EMAIL connector's desk is played through its link).

interface Person {
  subjectId: string;
  email: string;
  externalId: string;
  name: string;
  address: string;
}

type Held = { name: string | null; address: string | null; stopped: boolean } | null;

interface Harness {
  kind: Exclude<ConnectorKind, "MANUAL">;
  /** Creates the working system (and whatever stands behind it); returns its id. */
  system(): Promise<string>;
  /** Gives the person a name and an address in the system. */
  seed(systemId: string, person: Person): Promise<void>;
  /** What the system holds of the person now. */
  held(systemId: string, person: Person): Promise<Held>;
  /** Plays the other side of a task that waits for an answer. */
  answer?(taskId: string): Promise<void>;
  /** A system of this kind that cannot be reached (none for the portal's own records). */
  broken?(): Promise<string>;
}

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let staff: Actor;
let mod: {
  run: typeof import("../run-task");
  registry: typeof import("./registry");
  link: typeof import("@/lib/data/fulfilment/system-task-link");
  items: typeof import("@/lib/fulfilment/package/item-source");
  boss: typeof import("@/lib/jobs/boss");
};
const ids: Record<string, string> = {};
const cleanups: (() => Promise<void>)[] = [];

// ——— The reference HTTP system and the EMAIL desk keep their people in memory ———

type Row = { name: string | null; address: string | null; stopped: boolean };
const stores = { HTTP: new Map<string, Row>(), EMAIL: new Map<string, Row>() };

/** What a system without the portal's code does with a task: the protocol's answer for it. */
function apply(store: Map<string, Row>, task: Pick<THttpTask, "action" | "subject" | "details">) {
  const key = task.subject.externalIds[0] ?? "";
  const row = store.get(key);
  switch (task.action) {
    case "EXPORT":
      return {
        items: row
          ? [
              { field: "name", categoryKey: "name", value: row.name ?? "" },
              { field: "address", categoryKey: "address", value: row.address ?? "" },
            ]
          : [],
      };
    case "CORRECT": {
      const changes = (task.details.corrections ?? []).map((c) => {
        const field = c.field as "address";
        const before = row?.[field] ?? null;
        if (row) row[field] = c.correctedValue;
        return { field, action: c.action, before, after: c.correctedValue };
      });
      return { changes };
    }
    case "ERASE":
      store.delete(key);
      return { erased: row ? 2 : 0, kept: [] };
    default:
      if (row) row.stopped = true;
      return { restrictions: row ? 1 : 0 };
  }
}

const SECRET = "conformance-secret-0123456789abcdef";
let httpServer: Server;

async function referenceHttpSystem(): Promise<string> {
  httpServer = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      if (req.method !== "POST") return void res.writeHead(405).end();
      const header = (name: string) => (req.headers[name] as string | undefined) ?? null;
      const check = verifySignature({
        secret: SECRET,
        body,
        timestamp: header("x-dsar-timestamp"),
        nonce: header("x-dsar-nonce"),
        signature: header("x-dsar-signature"),
      });
      const task = ZHttpTask.safeParse(JSON.parse(body));
      if (!check.ok || !task.success) return void res.writeHead(401).end();
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(apply(stores.HTTP, task.data)));
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/dsar`;
}

// ——— Harnesses ———

async function createSystem(kind: ConnectorKind, config: object, extra: object = {}) {
  const key = `conf-${kind.toLowerCase()}-${randomUUID().slice(0, 6)}`;
  const system = await db.dataSystem.create({
    data: { key, nameJa: key, nameEn: key, connector: kind, config, ...extra },
  });
  await db.systemCategoryPurpose.createMany({
    data: ["name", "address"].map((c) => ({
      systemId: system.id,
      categoryId: ids[`c:${c}`]!,
      purposeId: ids.purpose!,
    })),
  });
  return system.id;
}

const externalId = (systemId: string, person: Person) =>
  db.subjectExternalId.create({
    data: { subjectId: person.subjectId, systemId, externalId: person.externalId },
  });

/** A system outside the portal: it knows the person by their id and keeps them in `store`. */
const intoStore = (store: Map<string, Row>) => async (systemId: string, person: Person) => {
  await externalId(systemId, person);
  store.set(person.externalId, { name: person.name, address: person.address, stopped: false });
};

const fromStore = (store: Map<string, Row>) => async (_: string, person: Person) => {
  const row = store.get(person.externalId);
  return row ? { ...row } : null;
};

const internal: Harness = {
  kind: "INTERNAL",
  system: () => createSystem("INTERNAL", {}),
  async seed(systemId, person) {
    for (const field of ["name", "address"] as const)
      await db.personalDataItem.create({
        data: {
          subjectId: person.subjectId,
          systemId,
          categoryId: ids[`c:${field}`]!,
          field,
          value: person[field],
          collectedAt: new Date("2025-01-01T00:00:00Z"),
        },
      });
  },
  async held(systemId, person) {
    const items = await db.personalDataItem.findMany({
      where: { subjectId: person.subjectId, systemId, erasedAt: null },
    });
    if (items.length === 0) return null;
    const value = (field: string) => items.find((i) => i.field === field)?.value ?? null;
    const stopped = await db.useRestriction.count({ where: { subjectId: person.subjectId } });
    return { name: value("name"), address: value("address"), stopped: stopped > 0 };
  },
};

let endpoint = "";
const http: Harness = {
  kind: "HTTP",
  system: () => createSystem("HTTP", { endpoint, timeoutMs: 2000 }, { secret: SECRET }),
  seed: intoStore(stores.HTTP),
  held: fromStore(stores.HTTP),
  broken: () =>
    createSystem(
      "HTTP",
      { endpoint: "http://127.0.0.1:1/dsar", timeoutMs: 500 },
      { secret: SECRET },
    ),
};

let target: TargetDb;
const PEOPLE_DATASET = {
  engine: "postgresql",
  tables: [
    {
      name: "people",
      primaryKey: "id",
      identity: [{ column: "person_no", match: "externalId" }],
      columns: [
        { name: "person_no", category: "name", disclose: false },
        { name: "name", category: "name", erase: { strategy: "set_null" } },
        { name: "address", category: "address", erase: { strategy: "set_null" } },
      ],
    },
  ],
  stopUse: { table: "people", column: "stopped", value: "1" },
};

async function sqlSystem(url: string) {
  const id = await createSystem("SQL", PEOPLE_DATASET);
  const masterKey = parseMasterKey(process.env.MASTER_KEY);
  await db.dataSystem.update({
    where: { id },
    data: { connectionSecret: sealSecret({ plaintext: url, masterKey, binding: id }) },
  });
  return id;
}

const sql: Harness = {
  kind: "SQL",
  async system() {
    target = await createTargetDb("postgresql", false);
    cleanups.push(() => target.drop());
    await target.exec(
      `CREATE TABLE people (id SERIAL PRIMARY KEY, person_no VARCHAR(40) NOT NULL UNIQUE,
         name VARCHAR(100), address VARCHAR(200), stopped SMALLINT NOT NULL DEFAULT 0)`,
    );
    return sqlSystem(target.url);
  },
  async seed(systemId, person) {
    await externalId(systemId, person);
    await target.rows("INSERT INTO people (person_no, name, address) VALUES (?, ?, ?)", [
      person.externalId,
      person.name,
      person.address,
    ]);
  },
  async held(_, person) {
    const [row] = await target.rows(
      "SELECT name, address, stopped FROM people WHERE person_no = ?",
      [person.externalId],
    );
    if (!row || (row.name === null && row.address === null)) return null;
    return { name: row.name ?? null, address: row.address ?? null, stopped: row.stopped === "1" };
  },
  broken: () => sqlSystem("postgresql://postgres@127.0.0.1:1/none"),
};

const DESK = "conformance@vendor.example.jp";
const email: Harness = {
  kind: "EMAIL",
  system: () => createSystem("EMAIL", { to: DESK, locale: "en" }),
  seed: intoStore(stores.EMAIL),
  held: fromStore(stores.EMAIL),
  /** The desk opens the mailed link, does what the page asks in its own records, and answers. */
  async answer(taskId) {
    const [mail] = await db.$queryRawUnsafe<{ url: string }[]>(
      `SELECT data->'params'->>'url' AS url FROM pgboss.job
       WHERE name = 'mail-send' AND data->>'to' = $1 AND data->'params'->>'url' LIKE $2
       ORDER BY created_on DESC LIMIT 1`,
      DESK,
      `%/system-tasks/${taskId}.%`,
    );
    const token = mail!.url.split("/system-tasks/")[1]!;
    const view = await mod.link.openSystemTask(token, "en");
    const task = {
      action: view!.action,
      subject: { externalIds: view!.person.externalIds, email: view!.person.email },
      details: {
        corrections: view!.corrections.map((c) => ({
          action: c.action as "CORRECT",
          categoryKey: "address",
          field: c.field,
          correctedValue: c.value,
        })),
      },
    };
    const done = apply(stores.EMAIL, task) as {
      items?: { field: string; categoryKey: string; value: string }[];
      erased?: number;
    };
    const csv = (done.items ?? [])
      .map((i) => `${i.field},${i.categoryKey},"${i.value}"`)
      .join("\n");
    await mod.link.answerSystemTask({
      answer: {
        token,
        action: view!.action,
        outcome: "done",
        noData: view!.action === "EXPORT" && !csv,
        erased: String(done.erased ?? ""),
        kept: [],
        declineReason: "",
      },
      file: csv ? new TextEncoder().encode(`field,category,value\n${csv}\n`) : null,
    });
  },
  broken: () => createSystem("EMAIL", { locale: "en" }),
};

// ——— Requests through the engine ———

let people = 0;
async function person(systemId: string, harness: Harness, name: string, address: string) {
  people += 1;
  const subject = await db.subject.create({
    data: {
      familyName: name.split(" ")[0]!,
      givenName: name.split(" ")[1] ?? "",
      email: `p${people}-${randomUUID().slice(0, 6)}@conformance.example.jp`,
    },
  });
  const p: Person = {
    subjectId: subject.id,
    email: subject.email!,
    externalId: `P-${people}-${randomUUID().slice(0, 6)}`,
    name,
    address,
  };
  await harness.seed(systemId, p);
  return p;
}

/** A verified request of the person, fanned out; its task on `systemId`, run to its end. */
async function fulfil(
  harness: Harness,
  systemId: string,
  p: Person,
  type: RequestType,
  details: object,
) {
  const request = await verifiedRequest(db, {
    subjectId: p.subjectId,
    type,
    details,
    actor: staff,
  });
  const task = await db.fulfilmentTask.findFirst({ where: { requestId: request.id, systemId } });
  expect(task, `${harness.kind} gets a task`).not.toBeNull();
  // A database change waits for staff to start it after its dry run: started here.
  await db.fulfilmentTask.update({ where: { id: task!.id }, data: { awaitingStart: false } });
  const outcome = await mod.run.runTask(db, { taskId: task!.id, retryCount: 3, retryLimit: 3 });
  if (outcome === "accepted") await harness.answer!(task!.id);
  const settled = await db.fulfilmentTask.findUniqueOrThrow({ where: { id: task!.id } });
  return { request, task: settled, result: (settled.result ?? {}) as TaskResult };
}

/** The values the disclosure package would hold for the request, read by its own reader. */
async function disclosed(request: { id: string; subjectId: string; details: unknown }) {
  const scope = await mod.items.resolveItemScope(db, request, "en");
  return db.$transaction(async (tx) => {
    const values: string[] = [];
    for await (const batch of mod.items.iterateItems(tx, scope))
      values.push(...batch.map((i) => i.value));
    return values;
  });
}

const DISCLOSURE = { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" };
const HARNESSES = [internal, http, sql, email];

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    run: await import("../run-task"),
    registry: await import("./registry"),
    link: await import("@/lib/data/fulfilment/system-task-link"),
    items: await import("@/lib/fulfilment/package/item-source"),
    boss: await import("@/lib/jobs/boss"),
  };
  for (const key of ["name", "address"])
    ids[`c:${key}`] = (
      await db.dataCategory.create({ data: { key, nameJa: key, nameEn: key } })
    ).id;
  ids.purpose = (
    await db.purpose.create({ data: { key: "marketing", nameJa: "m", nameEn: "m" } })
  ).id;
  const user = await db.user.create({
    data: { email: `${randomUUID()}@staff.example.jp`, role: "STAFF" },
  });
  staff = { userId: user.id, role: "STAFF", email: user.email, ip: "127.0.0.1", passkeyAt: null };
  endpoint = await referenceHttpSystem();
});

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await new Promise((resolve) => httpServer.close(resolve));
  await (await mod.boss.getBoss()).stop({ graceful: false });
  await db.$disconnect();
  await testDb.drop();
});

describe.each(HARNESSES.map((h) => [h.kind, h] as const))("the %s connector", (kind, harness) => {
  let systemId = "";
  beforeAll(async () => {
    systemId = await harness.system();
  });

  it("is in the registry, with the kit's five operations", () => {
    const connector = mod.registry.connectorFor(kind);
    expect(connector?.kind).toBe(kind);
    for (const op of ["access", "correct", "erase", "stopUse", "testConnection"] as const)
      expect(connector).toHaveProperty(op, expect.any(Function));
  });

  it("access: the person's data reaches the disclosure package, and nobody else's", async () => {
    const p = await person(systemId, harness, "佐藤 花子", `東京都港区${people}-1`);
    const other = await person(systemId, harness, "鈴木 一郎", "大阪府大阪市2-2");
    const { request, task } = await fulfil(harness, systemId, p, "DISCLOSURE", DISCLOSURE);
    expect(task.status).toBe("SUCCEEDED");
    const values = await disclosed({ ...request, details: DISCLOSURE });
    expect(values).toEqual(expect.arrayContaining(["佐藤 花子", p.address]));
    expect(values).not.toContain(other.address);
  });

  it("correct: the approved value is applied, with its before and after", async () => {
    const p = await person(systemId, harness, "佐藤 花子", "東京都港区3-3");
    const corrected = "東京都千代田区9-9";
    const { task, result } = await fulfil(harness, systemId, p, "CORRECTION", {
      items: [
        {
          action: "CORRECT",
          categoryKey: "address",
          itemId: "",
          field: "address",
          correctedValue: corrected,
        },
      ],
      reason: "引っ越しました",
    });
    expect(task.status).toBe("SUCCEEDED");
    expect(result.changes).toEqual([
      expect.objectContaining({ field: "address", action: "CORRECT", after: corrected }),
    ]);
    expect((await harness.held(systemId, p))?.address).toBe(corrected);
  });

  it("erase: the person's data is gone from the system, and the result counts it", async () => {
    const p = await person(systemId, harness, "佐藤 花子", "東京都港区4-4");
    const other = await person(systemId, harness, "鈴木 一郎", "大阪府大阪市5-5");
    const { task, result } = await fulfil(harness, systemId, p, "SUSPENSION_ERASURE", {
      action: "ERASE",
      purposeKeys: [],
      erasureScope: "ALL",
      categoryKeys: [],
      ground: "NO_LONGER_NEEDED",
      groundText: "",
      previewConfirmed: true,
    });
    expect(task.status).toBe("SUCCEEDED");
    expect(result.erased).toBeGreaterThanOrEqual(1);
    expect(await harness.held(systemId, p)).toBeNull();
    expect((await harness.held(systemId, other))?.address).toBe(other.address);
  });

  it("stop use: the use is stopped, and the result says so", async () => {
    const p = await person(systemId, harness, "佐藤 花子", "東京都港区6-6");
    const { task, result } = await fulfil(harness, systemId, p, "SUSPENSION_ERASURE", {
      action: "SUSPEND",
      purposeKeys: ["marketing"],
      erasureScope: "ALL",
      categoryKeys: [],
      ground: "NO_LONGER_NEEDED",
      groundText: "",
      previewConfirmed: true,
    });
    expect(task.status).toBe("SUCCEEDED");
    expect(result.restrictions).toBeGreaterThanOrEqual(1);
    expect((await harness.held(systemId, p))?.stopped).toBe(true);
  });

  it("test connection: passes for the working system, names the failure of a broken one", async () => {
    const connector = mod.registry.connectorFor(kind)!;
    const system = await db.dataSystem.findUniqueOrThrow({ where: { id: systemId } });
    expect(await connector.testConnection(db, system)).toEqual({ ok: true });
    if (!harness.broken) return;
    const broken = await db.dataSystem.findUniqueOrThrow({ where: { id: await harness.broken() } });
    const check = await connector.testConnection(db, broken);
    expect(check.ok).toBe(false);
    const code = readFailure(check.ok ? null : check.problem)?.code;
    expect(FAILURE_CODES).toContain(code);
    expect(code).not.toBe("internal_error");
  });

  it.runIf(harness.broken !== undefined)(
    "failure: a system that cannot be reached fails the task with its reason",
    async () => {
      const brokenId = await harness.broken!();
      const p = await person(brokenId, harness, "佐藤 花子", "東京都港区7-7");
      const { task } = await fulfil(harness, brokenId, p, "DISCLOSURE", DISCLOSURE);
      expect(task.status).toBe("FAILED");
      expect(task.result).toBeNull();
      const failure = readFailure(task.lastError);
      expect(FAILURE_CODES).toContain(failure?.code);
      expect(failure?.code).not.toBe("internal_error");
    },
  );
});
