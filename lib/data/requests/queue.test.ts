import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { addPeriod } from "@/lib/deadlines/compute";
import type {
  Channel,
  FilerRole,
  Jurisdiction,
  RequestStatus,
  RequestType,
} from "@/lib/generated/prisma/enums";
import { OPEN_STATUSES } from "@/lib/requests/lifecycle";
import {
  classifySearch,
  parseQueueFilter,
  todayInJapan,
  ZEnterRequest,
  type TEnterRequest,
  type TQueueFilter,
  type TQueueSort,
} from "@/lib/validation/queue";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: the staff queue, claim and reassign, and staff-entered requests against a real
// PostgreSQL database built by the migrations.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let mod: {
  list: typeof import("./list-queue");
  query: typeof import("./queue-query");
  assign: typeof import("./assign-request");
  enter: typeof import("./enter-request");
  ack: typeof import("./record-acknowledgement");
  find: typeof import("./find-subjects");
  audit: typeof import("@/lib/audit/verify");
  boss: typeof import("@/lib/jobs/boss");
};

async function person(role: Actor["role"], name?: string): Promise<Actor> {
  const user = await db.user.create({
    data: { email: `${randomUUID()}@test.example.jp`, role, name: name ?? null },
  });
  return { userId: user.id, role, email: user.email, ip: "127.0.0.1", passkeyAt: new Date() };
}

interface Fixture {
  id: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  jurisdictions: Jurisdiction[];
  filerRole: FilerRole;
  channel: Channel;
  receivedAt: Date;
  dueAt: Date;
  assigneeId: string | null;
  subjectId: string;
}

const DAY = 86_400_000;
const TYPES: RequestType[] = ["DISCLOSURE", "CORRECTION", "STOP_PROVISION", "PROVISION_RECORDS"];
const CHANNELS: Channel[] = ["WEB", "PHONE", "POST", "EMAIL", "IN_PERSON"];
const CLOSED: RequestStatus[] = ["COMPLETED", "WITHDRAWN"];

let staff: Actor;
let colleague: Actor;
let manager: Actor;
let subjectActor: Actor;
let hanako: string;
let taro: string;
const world: Fixture[] = [];
const now = Date.now();

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    list: await import("./list-queue"),
    query: await import("./queue-query"),
    assign: await import("./assign-request"),
    enter: await import("./enter-request"),
    ack: await import("./record-acknowledgement"),
    find: await import("./find-subjects"),
    audit: await import("@/lib/audit/verify"),
    boss: await import("@/lib/jobs/boss"),
  };
  await db.deadlinePolicy.create({
    data: { jurisdiction: "JP", amount: 10, unit: "CALENDAR_DAYS" },
  });
  staff = await person("STAFF", "担当 一郎");
  colleague = await person("STAFF", "担当 二郎");
  manager = await person("MANAGER", "管理 花子");
  subjectActor = await person("SUBJECT");
  hanako = (
    await db.subject.create({
      data: {
        familyName: "山田",
        givenName: "花子",
        familyNameKana: "ヤマダ",
        givenNameKana: "ハナコ",
        email: "Hanako.Yamada@example.jp",
      },
    })
  ).id;
  taro = (
    await db.subject.create({
      data: { familyName: "佐藤", givenName: "太郎", email: "taro.sato@example.jp" },
    })
  ).id;
  // 60 requests: 48 open over every open status, 12 closed; due dates with ties (every third
  // shares one), assignees, channels, filers and jurisdictions in turn.
  const assignees = [null, staff.userId, colleague.userId, manager.userId, null];
  for (let i = 0; i < 60; i++) {
    const open = i % 5 !== 4;
    const dueAt = new Date(now + (Math.floor(i / 3) - 4) * DAY);
    const fixture: Fixture = {
      id: `q-${String(i).padStart(3, "0")}-${randomUUID().slice(0, 4)}`,
      reference: `R-2090-${String(i + 1).padStart(6, "0")}`,
      type: TYPES[i % TYPES.length]!,
      status: open ? OPEN_STATUSES[i % OPEN_STATUSES.length]! : CLOSED[i % 2]!,
      jurisdictions: i % 4 === 0 ? ["JP", "EU"] : ["JP"],
      filerRole: i % 6 === 0 ? "APPOINTED_AGENT" : i % 7 === 0 ? "LEGAL_REPRESENTATIVE" : "SELF",
      channel: CHANNELS[i % CHANNELS.length]!,
      receivedAt: new Date(dueAt.getTime() - 10 * DAY - (i % 4) * 3_600_000),
      dueAt,
      assigneeId: assignees[i % assignees.length]!,
      subjectId: i % 10 === 3 ? hanako : taro,
    };
    world.push(fixture);
  }
  await db.request.createMany({
    data: world.map(({ id, ...f }) => ({ id, ...f, details: {} })),
  });
});

afterAll(async () => {
  await (await mod.boss.getBoss()).stop({ graceful: false });
  await db.$disconnect();
  await testDb.drop();
});

const isOpenFixture = (f: Fixture) => (OPEN_STATUSES as readonly string[]).includes(f.status);
const compare = (sort: TQueueSort) => (a: Fixture, b: Fixture) => {
  const key = (f: Fixture) => (sort.startsWith("due") ? f.dueAt : f.receivedAt).getTime();
  const sign = sort.endsWith("asc") ? 1 : -1;
  return (key(a) - key(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) * sign;
};
const expected = (pred: (f: Fixture) => boolean, sort: TQueueSort = "due-asc") =>
  world
    .filter((f) => isOpenFixture(f) && pred(f))
    .sort(compare(sort))
    .map((f) => f.reference);
// Only this file's fixtures (entered requests join the queue in later tests).
const ours = (refs: string[]) => refs.filter((r) => r.startsWith("R-2090-"));

async function all(filter: TQueueFilter, actor: Actor = staff, pageSize = 200) {
  const page = await mod.list.listQueue({ actor, filter, pageSize });
  return { refs: ours(page.rows.map((r) => r.reference)), page };
}

describe("the queue lists open requests", () => {
  it("shows every open request and nothing closed, most urgent first, with the total", async () => {
    const { refs, page } = await all({});
    expect(refs).toEqual(expected(() => true));
    expect(refs).toHaveLength(48);
    expect(page.total).toBe(48);
    const row = page.rows.find((r) => r.reference === "R-2090-000001")!;
    expect(row).toMatchObject({
      type: "DISCLOSURE",
      jurisdictions: ["JP", "EU"],
      filerRole: "APPOINTED_AGENT",
      channel: "WEB",
      assigneeId: null,
      assigneeName: null,
    });
    expect(row.dueAt).toBeInstanceOf(Date);
    const assigned = page.rows.find((r) => r.assigneeId === colleague.userId)!;
    expect(assigned.assigneeName).toBe("担当 二郎");
  });

  const cases: [string, TQueueFilter, (f: Fixture) => boolean][] = [
    ["type", { type: "CORRECTION" }, (f) => f.type === "CORRECTION"],
    ["status", { status: "NEEDS_INFO" }, (f) => f.status === "NEEDS_INFO"],
    ["jurisdiction", { jurisdiction: "EU" }, (f) => f.jurisdictions.includes("EU")],
    ["assignee me", { assignee: "me" }, (f) => f.assigneeId === staff.userId],
    ["assignee unassigned", { assignee: "unassigned" }, (f) => f.assigneeId === null],
    ["assignee named", { assignee: "__manager__" }, (f) => f.assigneeId === manager.userId],
    ["filer self", { filer: "self" }, (f) => f.filerRole === "SELF"],
    ["filer agent", { filer: "agent" }, (f) => f.filerRole !== "SELF"],
    ["channel", { channel: "PHONE" }, (f) => f.channel === "PHONE"],
  ];
  it.each(cases)("filters by %s", async (_name, filter, pred) => {
    const f = filter.assignee === "__manager__" ? { assignee: manager.userId } : filter;
    const { refs, page } = await all(f);
    const want = expected(pred);
    expect(want.length).toBeGreaterThan(0);
    expect(refs).toEqual(want);
    expect(page.total).toBe(want.length);
  });

  it("filters by due date, on or before the day in Japan time, and combines filters", async () => {
    const cut = world[20]!.dueAt;
    const day = todayInJapan(cut);
    const endOfDay = new Date(`${day}T00:00:00+09:00`).getTime() + DAY;
    const { refs } = await all({ dueBefore: day });
    expect(refs).toEqual(expected((f) => f.dueAt.getTime() < endOfDay));
    expect(refs.length).toBeGreaterThan(5);
    const both = await all({ dueBefore: day, type: "DISCLOSURE", assignee: "unassigned" });
    expect(both.refs).toEqual(
      expected(
        (f) => f.dueAt.getTime() < endOfDay && f.type === "DISCLOSURE" && f.assigneeId === null,
      ),
    );
  });

  it.each(["due-asc", "due-desc", "received-desc", "received-asc"] as const)(
    "sorts by %s",
    async (sort) => {
      const { refs } = await all({ sort });
      expect(refs).toEqual(expected(() => true, sort));
    },
  );

  it.each(["due-asc", "due-desc", "received-desc"] as const)(
    "pages by keyset without gaps or repeats, forwards and back (%s)",
    async (sort) => {
      const forward: string[][] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 20; i++) {
        const page = await mod.list.listQueue({
          actor: staff,
          filter: { sort, after: cursor },
          pageSize: 7,
        });
        forward.push(page.rows.map((r) => r.reference));
        expect(page.total).toBe(48);
        if (i === 0) expect(page.prevCursor).toBeNull();
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(forward.flat()).toEqual(expected(() => true, sort));
      expect(forward).toHaveLength(7);
      // Back from the last page, one page at a time, using each page's first row.
      let back = await mod.list.listQueue({
        actor: staff,
        filter: { sort, after: cursor },
        pageSize: 7,
      });
      for (let i = forward.length - 2; i >= 0; i--) {
        expect(back.prevCursor).not.toBeNull();
        back = await mod.list.listQueue({
          actor: staff,
          filter: { sort, before: back.prevCursor! },
          pageSize: 7,
        });
        expect(back.rows.map((r) => r.reference)).toEqual(forward[i]);
      }
      expect(back.prevCursor).toBeNull();
    },
  );

  it("finds a request by its exact reference, and says when that request is closed", async () => {
    const search = classifySearch(" r-2090-000002 ");
    expect(search).toEqual({ reference: "R-2090-000002" });
    const page = await mod.list.listQueue({ actor: staff, filter: {}, search });
    expect(page.rows.map((r) => r.reference)).toEqual(["R-2090-000002"]);
    expect(page.total).toBe(1);
    // R-2090-000005 is the fifth fixture (i = 4), closed.
    const closed = await mod.list.listQueue({
      actor: staff,
      filter: {},
      search: classifySearch("R-2090-000005"),
    });
    expect(closed.rows).toEqual([]);
    expect(closed.closedMatch).toMatchObject({ reference: "R-2090-000005" });
    expect(["COMPLETED", "WITHDRAWN"]).toContain(closed.closedMatch?.status);
  });

  it.each(["山田花子", "山田 花子", "花子", "やまだ", "ヤマダ　ハナコ", "hanako.YAMADA@example"])(
    "finds the subject's open requests by name, kana or email: %s",
    async (term) => {
      const page = await mod.list.listQueue({
        actor: staff,
        filter: {},
        search: classifySearch(term),
      });
      expect(ours(page.rows.map((r) => r.reference))).toEqual(
        expected((f) => f.subjectId === hanako),
      );
      expect(page.rows.length).toBeGreaterThan(0);
    },
  );

  it("treats LIKE wildcards in a search as plain characters", async () => {
    const page = await mod.list.listQueue({
      actor: staff,
      filter: {},
      search: classifySearch("%"),
    });
    expect(page.rows).toEqual([]);
  });

  it("ignores invalid filter values and reports each with a catalogue key", () => {
    const { filter, errors } = parseQueueFilter({
      type: "GOSSIP",
      status: "COMPLETED",
      channel: "PHONE",
      dueBefore: "2026-02-30",
      assignee: "hanako@example.jp",
      sort: "random",
      after: "'; DROP TABLE",
    });
    expect(filter).toEqual({ channel: "PHONE" });
    expect(errors).toEqual({
      type: "queue.filter.invalidType",
      status: "queue.filter.invalidStatus",
      dueBefore: "queue.filter.invalidDate",
      assignee: "queue.filter.invalidAssignee",
      sort: "queue.filter.invalidSort",
      after: "queue.filter.invalidCursor",
    });
  });

  it("refuses anyone who is not staff", async () => {
    await expect(mod.list.listQueue({ actor: subjectActor, filter: {} })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("claim and reassign", () => {
  const openUnassigned = () =>
    world.filter((f) => isOpenFixture(f) && f.assigneeId === null).map((f) => f.reference);

  it("claims an unassigned request with an internal timeline event and an audit event", async () => {
    const reference = openUnassigned()[0]!;
    const result = await mod.assign.assignRequest({
      actor: staff,
      input: { mode: "claim", reference },
    });
    expect(result).toEqual({ changed: true, assigneeId: staff.userId });
    const request = await db.request.findUniqueOrThrow({
      where: { reference },
      include: { events: true },
    });
    expect(request.assigneeId).toBe(staff.userId);
    expect(request.events).toHaveLength(1);
    expect(request.events[0]).toMatchObject({
      kind: "assigned",
      visibleToRequester: false,
      actorId: staff.userId,
      data: { mode: "claim", from: null, to: staff.userId },
    });
    const audits = await db.auditEvent.findMany({ where: { requestId: request.id } });
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([["request.claim", staff.userId]]);
    // Claiming one's own request again changes nothing and writes nothing.
    await expect(
      mod.assign.assignRequest({ actor: staff, input: { mode: "claim", reference } }),
    ).resolves.toEqual({ changed: false, assigneeId: staff.userId });
    expect(await db.requestEvent.count({ where: { requestId: request.id } })).toBe(1);
  });

  it("refuses a claim of a request someone else claimed, with a conflict message", async () => {
    const reference = openUnassigned()[1]!;
    await mod.assign.assignRequest({ actor: colleague, input: { mode: "claim", reference } });
    await expect(
      mod.assign.assignRequest({ actor: staff, input: { mode: "claim", reference } }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "queue.assign.claimedByOther" });
    expect((await db.request.findUniqueOrThrow({ where: { reference } })).assigneeId).toBe(
      colleague.userId,
    );
  });

  it("lets exactly one of two simultaneous claims win", async () => {
    const reference = openUnassigned()[2]!;
    const results = await Promise.allSettled([
      mod.assign.assignRequest({ actor: staff, input: { mode: "claim", reference } }),
      mod.assign.assignRequest({ actor: colleague, input: { mode: "claim", reference } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.reason).toMatchObject({ code: "CONFLICT" });
    const request = await db.request.findUniqueOrThrow({ where: { reference } });
    expect(await db.requestEvent.count({ where: { requestId: request.id } })).toBe(1);
  });

  it("reassigns explicitly, checking the assignee the page showed", async () => {
    const reference = openUnassigned()[3]!;
    await mod.assign.assignRequest({ actor: colleague, input: { mode: "claim", reference } });
    // The page showed it unassigned: someone claimed it since, so the reassign is refused.
    await expect(
      mod.assign.assignRequest({
        actor: staff,
        input: {
          mode: "reassign",
          reference,
          assigneeId: manager.userId,
          expectedAssigneeId: null,
        },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "queue.assign.changed" });
    const result = await mod.assign.assignRequest({
      actor: staff,
      input: {
        mode: "reassign",
        reference,
        assigneeId: manager.userId,
        expectedAssigneeId: colleague.userId,
      },
    });
    expect(result).toEqual({ changed: true, assigneeId: manager.userId });
    const request = await db.request.findUniqueOrThrow({ where: { reference } });
    expect(request.assigneeId).toBe(manager.userId);
    const audits = await db.auditEvent.findMany({
      where: { requestId: request.id },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual(["request.claim", "request.reassign"]);
    expect(audits[1]!.data).toEqual({
      mode: "reassign",
      from: colleague.userId,
      to: manager.userId,
    });
  });

  it("reassigns only to staff, managers or admins, and only open requests", async () => {
    const reference = openUnassigned()[4]!;
    await expect(
      mod.assign.assignRequest({
        actor: staff,
        input: {
          mode: "reassign",
          reference,
          assigneeId: subjectActor.userId,
          expectedAssigneeId: null,
        },
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { assigneeId: "queue.assign.chooseStaff" },
    });
    const closed = world.find((f) => !isOpenFixture(f))!.reference;
    await expect(
      mod.assign.assignRequest({ actor: staff, input: { mode: "claim", reference: closed } }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "queue.assign.closed" });
    await expect(
      mod.assign.assignRequest({
        actor: staff,
        input: { mode: "claim", reference: "R-1999-000001" },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a subject", async () => {
    await expect(
      mod.assign.assignRequest({
        actor: subjectActor,
        input: { mode: "claim", reference: openUnassigned()[5]! },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("requests entered by staff", () => {
  const entry = (over: Partial<Record<string, unknown>> = {}): TEnterRequest =>
    ZEnterRequest.parse({
      type: "DISCLOSURE",
      idempotencyKey: randomUUID(),
      filerRole: "SELF",
      residence: { country: "JP" as const, region: "" },
      subject: {
        familyName: "",
        givenName: "",
        familyNameKana: "",
        givenNameKana: "",
        birthDate: "",
        relationship: "",
      },
      requester: {
        familyName: "電話",
        givenName: "受子",
        familyNameKana: "デンワ",
        givenNameKana: "ウケコ",
        birthDate: "1980-04-01",
      },
      note: "電話で受付",
      details: {
        scope: "ALL",
        categoryKeys: [],
        method: "PAPER",
        postalAddress: "東京都千代田区1-1",
      },
      channel: "PHONE",
      receivedOn: todayInJapan(new Date(Date.now() - 3 * DAY)),
      subjectId: "",
      email: "ukeko.denwa@example.jp",
      postalCode: "100-0001",
      address: "東京都千代田区1-1",
      locale: "ja",
      ...over,
    });

  it("records channel, enterer, arrival day and the due date counted from it", async () => {
    const input = entry();
    const { reference, created } = await mod.enter.enterRequest({ actor: staff, input });
    expect(created).toBe(true);
    const request = await db.request.findUniqueOrThrow({
      where: { reference },
      include: { subject: true, events: true },
    });
    const arrived = new Date(`${input.receivedOn}T00:00:00+09:00`);
    expect(request).toMatchObject({
      channel: "PHONE",
      enteredById: staff.userId,
      filedById: null,
      filerRole: "SELF",
      residenceCountry: "JP",
      jurisdictions: ["JP"],
      status: "SUBMITTED",
      locale: "ja",
    });
    expect(request.receivedAt.toISOString()).toBe(arrived.toISOString());
    // The JP policy of this database: 10 calendar days from the day of arrival, in Japan time.
    expect(request.dueAt.toISOString()).toBe(
      addPeriod(arrived, { amount: 10, unit: "CALENDAR_DAYS" }).toISOString(),
    );
    expect(request.subject).toMatchObject({
      familyName: "電話",
      givenNameKana: "ウケコ",
      email: "ukeko.denwa@example.jp",
      postalCode: "100-0001",
      address: "東京都千代田区1-1",
      userId: null,
    });
    expect(request.details).toMatchObject({ method: "PAPER", note: "電話で受付" });
    expect(request.events.map((e) => [e.kind, e.actorId])).toEqual([["submitted", staff.userId]]);
    const audits = await db.auditEvent.findMany({
      where: { OR: [{ requestId: request.id }, { entityId: request.subjectId }] },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual(["subject.create", "request.enter"]);
    expect(audits[1]!.data).toEqual({ type: "DISCLOSURE", filerRole: "SELF", channel: "PHONE" });
    const mails = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail-send' AND data->>'to' = $1`,
      "ukeko.denwa@example.jp",
    );
    expect(mails[0]?.n).toBe(1);
    // It joins the queue like any other request, and the channel filter finds it.
    const queue = await mod.list.listQueue({
      actor: staff,
      filter: { channel: "PHONE" },
      search: classifySearch(reference),
    });
    expect(queue.rows.map((r) => [r.reference, r.channel])).toEqual([[reference, "PHONE"]]);
  });

  it("enters a double-submitted form once", async () => {
    const input = entry();
    const [a, b] = await Promise.all([
      mod.enter.enterRequest({ actor: staff, input }),
      mod.enter.enterRequest({ actor: staff, input }),
    ]);
    expect(a.reference).toBe(b.reference);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await db.request.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
    const again = await mod.enter.enterRequest({ actor: staff, input });
    expect(again).toEqual({ reference: a.reference, created: false });
  });

  // An appointed agent's postal request for Hanako, arriving today.
  const agentEntry = () =>
    entry({
      filerRole: "APPOINTED_AGENT",
      channel: "POST",
      subjectId: hanako,
      subject: {
        familyName: "山田",
        givenName: "花子",
        familyNameKana: "",
        givenNameKana: "",
        birthDate: "",
        relationship: "",
      },
      requester: {
        familyName: "代理",
        givenName: "人",
        familyNameKana: "",
        givenNameKana: "",
        birthDate: "",
      },
      email: "",
      postalCode: "",
      address: "",
      receivedOn: todayInJapan(),
    });

  it("links a subject found by email, and records an agent's request for them", async () => {
    const found = await mod.find.findSubjects({ actor: staff, email: "HANAKO.yamada@example.jp" });
    expect(found.map((s) => s.id)).toEqual([hanako]);
    const input = agentEntry();
    const before = await db.subject.count();
    const { reference } = await mod.enter.enterRequest({ actor: colleague, input });
    const request = await db.request.findUniqueOrThrow({ where: { reference } });
    expect(request.subjectId).toBe(hanako);
    expect(request.channel).toBe("POST");
    expect(request.agentDetails).toMatchObject({ agent: { familyName: "代理" } });
    expect(await db.subject.count()).toBe(before);
    // Received today: the clock starts now, not at midnight.
    expect(Math.abs(request.receivedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("acknowledges an agent's request by the channel staff used, once, and filters by it", async () => {
    const input = agentEntry();
    const { reference } = await mod.enter.enterRequest({ actor: staff, input });
    // No acknowledgement mail went to an agent's request; make it overdue for the filter.
    await db.request.update({
      where: { reference },
      data: { ackDueAt: new Date(now - DAY) },
    });
    expect(
      (await db.request.findUniqueOrThrow({ where: { reference } })).acknowledgedAt,
    ).toBeNull();
    const overdue = async () =>
      (
        await mod.list.listQueue({ actor: staff, filter: { ack: "overdue" }, pageSize: 200 })
      ).rows.map((r) => r.reference);
    expect(await overdue()).toContain(reference);

    await expect(
      mod.ack.recordAcknowledgement({ actor: subjectActor, input: { reference, channel: "POST" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await mod.ack.recordAcknowledgement({ actor: staff, input: { reference, channel: "POST" } });
    const request = await db.request.findUniqueOrThrow({
      where: { reference },
      include: { events: true },
    });
    expect(request.acknowledgedAt).not.toBeNull();
    expect(request.events.find((e) => e.kind === "acknowledged")?.data).toEqual({
      channel: "POST",
    });
    expect(
      await db.auditEvent.count({ where: { action: "request.acknowledge", entityId: request.id } }),
    ).toBe(1);
    expect(await overdue()).not.toContain(reference);
    await expect(
      mod.ack.recordAcknowledgement({ actor: colleague, input: { reference, channel: "PHONE" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses web as a channel, a future arrival and an unknown subject", async () => {
    expect(ZEnterRequest.safeParse({ ...entry(), channel: "WEB" }).success).toBe(false);
    const tomorrow = todayInJapan(new Date(Date.now() + DAY));
    const future = ZEnterRequest.safeParse({ ...entry(), receivedOn: tomorrow });
    expect(future.success).toBe(false);
    expect(future.error?.issues[0]?.message).toBe("queue.enter.errors.receivedInFuture");
    expect(() => mod.enter.receivedAtFor(tomorrow)).toThrow();
    await expect(
      mod.enter.enterRequest({ actor: staff, input: entry({ subjectId: "no-such-subject" }) }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { subjectId: "queue.enter.errors.subjectGone" },
    });
  });

  it("refuses a subject actor", async () => {
    await expect(
      mod.enter.enterRequest({ actor: subjectActor, input: entry() }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      mod.find.findSubjects({ actor: subjectActor, email: "taro.sato@example.jp" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps the audit chain intact through all of it", async () => {
    expect((await mod.audit.verifyAuditChain(db)).ok).toBe(true);
  });
});

describe("the default query and the partial index", () => {
  it("is `status IN (open) ORDER BY dueAt, id LIMIT n`, served by Request_open_due_idx", async () => {
    const [index] = await db.$queryRawUnsafe<{ indexdef: string }[]>(
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'Request_open_due_idx'`,
    );
    expect(index?.indexdef).toContain(`("dueAt", id)`);
    for (const status of OPEN_STATUSES) expect(index?.indexdef).toContain(`'${status}'`);

    const page = mod.query.queuePageQuery({ actorId: staff.userId, filter: {}, limit: 51 });
    const statuses = OPEN_STATUSES.map((s) => `'${s}'`).join(", ");
    expect(page.text.replace(/\s+/g, " ")).toMatch(
      new RegExp(
        `WHERE r\\.status IN \\(${statuses}\\) ORDER BY r\\."dueAt" ASC, r\\.id ASC LIMIT \\$1$`,
      ),
    );
    expect(page.values).toEqual([51]);

    // Enough rows that a sequential scan would lose: 30,000 closed, 3,000 open.
    await db.$executeRawUnsafe(`
      INSERT INTO "Request" (id, reference, type, status, "subjectId", "dueAt", "receivedAt", "updatedAt")
      SELECT 'bulk-' || g, 'R-1999-' || lpad(g::text, 6, '0'), 'DISCLOSURE',
        (CASE WHEN g % 11 = 0 THEN 'IN_PROGRESS' ELSE 'COMPLETED' END)::"RequestStatus",
        '${taro}', now() + (g % 400) * interval '1 hour', now() - interval '5 days', now()
      FROM generate_series(1, 33000) g`);
    await db.$executeRawUnsafe(`ANALYZE "Request"`);
    const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN ${page.text}`,
      ...page.values,
    );
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toContain("Request_open_due_idx");
    expect(text).not.toMatch(/Seq Scan on "Request"/);
    const count = mod.query.queueCountQuery({ actorId: staff.userId, filter: {} });
    const countPlan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN ${count.text}`,
      ...count.values,
    );
    // The count may read either index that covers open requests; never the whole table.
    expect(countPlan.map((r) => r["QUERY PLAN"]).join("\n")).not.toMatch(/Seq Scan/);
  });
});

describe("the queue's count", () => {
  it("counts up to 1,000 matches and says there are more beyond, at a bounded cost", async () => {
    await db.$executeRawUnsafe(
      `INSERT INTO "Request" (id, reference, type, status, "subjectId", details, "receivedAt",
         "dueAt", "updatedAt")
       SELECT 'cap-' || g, 'R-1888-' || lpad(g::text, 6, '0'), 'DISCLOSURE', 'SUBMITTED', $1,
         '{}', now(), now() + interval '400 days', now()
       FROM generate_series(1, 1100) g`,
      hanako,
    );
    try {
      const page = await mod.list.listQueue({ actor: staff, filter: {} });
      expect(page.total).toBe(1000);
      expect(page.more).toBe(true);
      const few = await mod.list.listQueue({ actor: staff, filter: { type: "CORRECTION" } });
      expect(few.more).toBe(false);
      expect(few.total).toBeLessThan(1000);
    } finally {
      await db.$executeRawUnsafe(`DELETE FROM "Request" WHERE id LIKE 'cap-%'`);
    }
  });
});
