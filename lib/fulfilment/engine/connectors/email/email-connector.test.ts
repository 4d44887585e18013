import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { getTranslator } from "@/lib/i18n/translate";
import type { TSystemTaskAnswer } from "@/lib/validation/system-task";
import { verifiedRequest } from "@/lib/test/requests";
import { createTestDatabase } from "@/scripts/lib/test-database";

import { parseCsv, readExportFile } from "./export-file";

// Integration: the EMAIL connector against a real PostgreSQL database. A run mails the signed
// link (a mail job holding no personal data), the link opens the task and takes the answer
// (checked like an HTTP system's), reminders go out on their schedule and once each, and a new
// run makes the old link useless.

const VENDOR = "desk@vendor.example.jp";

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let staff: Actor;
let mod: {
  run: typeof import("../../run-task");
  email: typeof import(".");
  link: typeof import("@/lib/data/fulfilment/system-task-link");
  retry: typeof import("@/lib/data/fulfilment/retry-task");
  boss: typeof import("@/lib/jobs/boss");
  summary: typeof import("@/components/staff/fulfilment/task-summary");
};
const ids: Record<string, string> = {};

async function subject() {
  const s = await db.subject.create({
    data: { familyName: "山田", givenName: "太郎", email: `${randomUUID()}@subject.example.jp` },
  });
  await db.subjectExternalId.create({
    data: { subjectId: s.id, systemId: ids.vendor!, externalId: `V-${s.id.slice(-6)}` },
  });
  return s;
}

async function taskFor(type: RequestType, details: object, action: string) {
  const s = await subject();
  const request = await verifiedRequest(db, { subjectId: s.id, type, details, actor: staff });
  const task = await db.fulfilmentTask.findFirstOrThrow({
    where: { requestId: request.id, system: { key: "vendor" }, action: action as "EXPORT" },
  });
  return { subject: s, request, task };
}

const run = (taskId: string, retryCount = 0) =>
  mod.run.runTask(db, { taskId, retryCount, retryLimit: 3 });

/** The mail jobs queued for the vendor since `since`, oldest first. */
async function mailsTo(to: string, since: Date) {
  return db.$queryRawUnsafe<{ data: { kind: string; params: Record<string, string | number> } }[]>(
    `SELECT data FROM pgboss.job WHERE name = 'mail-send' AND data->>'to' = $1 AND created_on >= $2 ORDER BY created_on`,
    to,
    since,
  );
}

const tokenOf = (url: string | number | undefined) => String(url).split("/system-tasks/")[1]!;

const answer = (over: Partial<TSystemTaskAnswer> & Pick<TSystemTaskAnswer, "token" | "action">) =>
  ({
    outcome: "done",
    noData: false,
    erased: "",
    kept: [],
    declineReason: "",
    ...over,
  }) satisfies TSystemTaskAnswer;

const csv = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    run: await import("../../run-task"),
    email: await import("."),
    link: await import("@/lib/data/fulfilment/system-task-link"),
    retry: await import("@/lib/data/fulfilment/retry-task"),
    boss: await import("@/lib/jobs/boss"),
    summary: await import("@/components/staff/fulfilment/task-summary"),
  };
  ids.vendor = (
    await db.dataSystem.create({
      data: {
        key: "vendor",
        nameJa: "配送委託先",
        nameEn: "Delivery vendor",
        connector: "EMAIL",
        config: { to: VENDOR, locale: "ja", remindEveryDays: 3, maxReminders: 2 },
      },
    })
  ).id;
  for (const key of ["contact", "delivery"]) {
    ids[`c:${key}`] = (
      await db.dataCategory.create({ data: { key, nameJa: `分類${key}`, nameEn: key } })
    ).id;
  }
  ids.purpose = (
    await db.purpose.create({ data: { key: "service", nameJa: "s", nameEn: "s" } })
  ).id;
  await db.systemCategoryPurpose.createMany({
    data: ["contact", "delivery"].map((c) => ({
      systemId: ids.vendor!,
      categoryId: ids[`c:${c}`]!,
      purposeId: ids.purpose!,
    })),
  });
  const user = await db.user.create({
    data: { email: `${randomUUID()}@staff.example.jp`, role: "STAFF" },
  });
  staff = { userId: user.id, role: "STAFF", email: user.email, ip: "127.0.0.1", passkeyAt: null };
});

afterAll(async () => {
  await (await mod.boss.getBoss()).stop({ graceful: false });
  await db.$disconnect();
  await testDb.drop();
});

describe("the export file", () => {
  it("reads CSV (quoted fields, a byte-order mark, CRLF) and JSON by content", () => {
    expect(parseCsv('a,"b, ""c""",d\r\n"line\nbreak",2,3\n')).toEqual([
      ["a", 'b, "c"', "d"],
      ["line\nbreak", "2", "3"],
    ]);
    const read = readExportFile(
      csv('\uFEFFfield,category,value,collected_at\r\n住所,delivery,"東京都, 港区",\r\n'),
    );
    expect(read).toEqual({
      ok: true,
      raw: { items: [{ field: "住所", categoryKey: "delivery", value: "東京都, 港区" }] },
    });
    expect(readExportFile(csv('[{"field":"f","categoryKey":"contact","value":"v"}]'))).toEqual({
      ok: true,
      raw: { items: [{ field: "f", categoryKey: "contact", value: "v" }] },
    });
  });

  it("refuses binary content, empty files and other shapes whatever the name", () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff]);
    expect(readExportFile(pdf)).toEqual({ ok: false, problem: "not_text" });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(readExportFile(png)).toEqual({ ok: false, problem: "not_text" });
    expect(readExportFile(csv("  \n"))).toEqual({ ok: false, problem: "empty" });
    expect(readExportFile(csv("name,phone\n太郎,03\n"))).toEqual({ ok: false, problem: "shape" });
    expect(readExportFile(csv("{not json"))).toEqual({ ok: false, problem: "shape" });
    expect(readExportFile(new Uint8Array(5 * 1024 * 1024 + 1))).toEqual({
      ok: false,
      problem: "too_large",
    });
  });
});

describe("the EMAIL connector", () => {
  it("mails a signed link holding no personal data, and the link opens the task", async () => {
    const since = new Date(Date.now() - 1000);
    const {
      task,
      subject: s,
      request,
    } = await taskFor(
      "DISCLOSURE",
      { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" },
      "EXPORT",
    );
    expect(await run(task.id)).toBe("accepted");
    const waiting = await db.fulfilmentTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(waiting.status).toBe("RUNNING");
    expect(waiting.acceptedAt).not.toBeNull();
    const [mail] = await mailsTo(VENDOR, since);
    expect(mail?.data.kind).toBe("systemTask");
    expect(mail?.data.params).toMatchObject({
      reference: request.reference,
      system: "配送委託先",
      action: "データの書き出し",
    });
    const body = JSON.stringify(mail?.data);
    for (const personal of [s.email!, s.familyName, s.givenName, `V-${s.id.slice(-6)}`])
      expect(body).not.toContain(personal);

    const token = tokenOf(mail?.data.params.url);
    const view = await mod.link.openSystemTask(token, "ja");
    expect(view).toMatchObject({
      system: "配送委託先",
      reference: request.reference,
      action: "EXPORT",
      state: "waiting",
      categories: null,
      person: { name: "山田 太郎", email: s.email, externalIds: [`V-${s.id.slice(-6)}`] },
    });
    expect(view?.systemCategories.map((c) => c.key)).toEqual(["contact", "delivery"]);
    // A changed signature, another task's id or a malformed token open nothing.
    const [id, sig] = token.split(".");
    const flipped = `${id}.${sig![0] === "A" ? "B" : "A"}${sig!.slice(1)}`;
    expect(await mod.link.openSystemTask(flipped, "ja")).toBeNull();
    expect(await mod.link.openSystemTask(`${"x".repeat(25)}.${sig}`, "ja")).toBeNull();
    expect(await mod.link.openSystemTask("../../etc", "ja")).toBeNull();
  });

  it("takes the export file, checked like an HTTP system's answer, once", async () => {
    const since = new Date(Date.now() - 1000);
    const { task } = await taskFor(
      "DISCLOSURE",
      { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" },
      "EXPORT",
    );
    await run(task.id);
    const token = tokenOf((await mailsTo(VENDOR, since)).at(-1)?.data.params.url);
    const base = answer({ token, action: "EXPORT" });

    // Nothing chosen, a file named .csv that is a PNG, an unknown category: refused, nothing stored.
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (e: unknown) => (e instanceof AppError ? e.fieldErrors : e),
      );
    expect(await refusal(mod.link.answerSystemTask({ answer: base, file: null }))).toEqual({
      file: "systemTask.errors.fileRequired",
    });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(await refusal(mod.link.answerSystemTask({ answer: base, file: png }))).toEqual({
      file: "systemTask.errors.fileNotText",
    });
    expect(
      await refusal(
        mod.link.answerSystemTask({
          answer: base,
          file: csv("field,category,value\n電話,unknown_cat,03\n"),
        }),
      ),
    ).toEqual({ file: "systemTask.errors.fileCategory" });
    expect((await db.fulfilmentTask.findUniqueOrThrow({ where: { id: task.id } })).status).toBe(
      "RUNNING",
    );

    await mod.link.answerSystemTask({
      answer: base,
      file: csv("field,category,value\n住所,delivery,東京都港区\n電話,contact,03-0000-0000\n"),
    });
    const done = await db.fulfilmentTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(done.status).toBe("SUCCEEDED");
    expect(done.result).toMatchObject({
      itemCount: 2,
      items: [
        { ref: "vendor:住所", categoryKey: "delivery", value: "東京都港区" },
        { ref: "vendor:電話", categoryKey: "contact", value: "03-0000-0000" },
      ],
    });
    const audit = await db.auditEvent.findFirst({
      where: { entityId: task.id, action: "task.succeed" },
    });
    expect(audit?.data).toMatchObject({ via: "link", system: "vendor" });
    // A second answer through the same link changes nothing; the page says it was answered.
    await expect(
      mod.link.answerSystemTask({ answer: { ...base, noData: true }, file: null }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await mod.link.openSystemTask(token, "en"))?.state).toBe("answered");
  });

  it("takes an erasure's count and what was kept, or a refusal with its reason", async () => {
    const since = new Date(Date.now() - 1000);
    const erasure = {
      erasureScope: "ALL",
      categoryKeys: [],
      action: "ERASE",
      reason: "NO_LONGER_NEEDED",
    };
    const first = await taskFor("SUSPENSION_ERASURE", erasure, "ERASE");
    const second = await taskFor("SUSPENSION_ERASURE", erasure, "ERASE");
    await run(first.task.id);
    await run(second.task.id);
    const mails = await mailsTo(VENDOR, since);
    const tokens = mails.map((m) => tokenOf(m.data.params.url));
    const tokenFor = (taskId: string) => tokens.find((t) => t.startsWith(`${taskId}.`))!;

    await expect(
      mod.link.answerSystemTask({
        answer: answer({ token: tokenFor(first.task.id), action: "ERASE", erased: "many" }),
        file: null,
      }),
    ).rejects.toThrow();
    await mod.link.answerSystemTask({
      answer: answer({
        token: tokenFor(first.task.id),
        action: "ERASE",
        erased: "4",
        kept: [{ field: "請求書", reason: "法人税法上の保存義務（7年）" }],
      }),
      file: null,
    });
    expect(
      (await db.fulfilmentTask.findUniqueOrThrow({ where: { id: first.task.id } })).result,
    ).toMatchObject({
      erased: 4,
      kept: [{ ref: "vendor:請求書", field: "請求書", reason: "法人税法上の保存義務（7年）" }],
    });

    await mod.link.answerSystemTask({
      answer: answer({
        token: tokenFor(second.task.id),
        action: "ERASE",
        outcome: "declined",
        declineReason: "not_found",
      }),
      file: null,
    });
    const declined = await db.fulfilmentTask.findUniqueOrThrow({ where: { id: second.task.id } });
    expect(declined.status).toBe("FAILED");
    expect(declined.lastError).toBe("system_failed:not_found");
    expect(mod.summary.describeFailure(declined.lastError, getTranslator("ja"))).toBe(
      "依頼先の回答: ご本人のデータが見つかりません",
    );
  });

  it("reminds on schedule, once each, up to the limit; a new run's link replaces the old", async () => {
    const since = new Date(Date.now() - 1000);
    const { task } = await taskFor(
      "DISCLOSURE",
      { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" },
      "EXPORT",
    );
    await run(task.id);
    const mine = async () =>
      (await mailsTo(VENDOR, since)).filter((m) => String(m.data.params.url).includes(task.id));
    const firstToken = tokenOf((await mine())[0]?.data.params.url);
    const day = 86_400_000;
    const at = (days: number) => new Date(Date.now() + days * day + 60_000);

    // Other tests' tasks wait too: count this task's reminders, not the scan's total.
    const reminders = async () =>
      (await db.fulfilmentTask.findUniqueOrThrow({ where: { id: task.id } })).reminders;
    await mod.email.remindEmailTasks(db, at(1));
    expect(await reminders()).toBe(0);
    // Two scans at once send the one reminder once.
    await Promise.all([
      mod.email.remindEmailTasks(db, at(3)),
      mod.email.remindEmailTasks(db, at(3)),
    ]);
    expect(await reminders()).toBe(1);
    await mod.email.remindEmailTasks(db, at(4));
    expect(await reminders()).toBe(1);
    expect(await mod.email.remindEmailTasks(db, at(6))).toBeGreaterThanOrEqual(1);
    expect(await reminders()).toBe(2);
    // maxReminders is 2.
    await mod.email.remindEmailTasks(db, at(30));
    expect(await reminders()).toBe(2);
    const sent = await mine();
    expect(sent.map((m) => m.data.kind)).toEqual([
      "systemTask",
      "systemTaskReminder",
      "systemTaskReminder",
    ]);
    // Every reminder carries the same link.
    expect(new Set(sent.map((m) => tokenOf(m.data.params.url)))).toEqual(new Set([firstToken]));
    expect(sent[2]?.data.params.count).toBe(2);

    // Staff send it again (a retry of a task waiting past the stale limit): a new link.
    await db.fulfilmentTask.update({
      where: { id: task.id },
      data: { startedAt: new Date(Date.now() - day) },
    });
    await mod.retry.retryTask({
      actor: staff,
      input: {
        reference: (await db.request.findUniqueOrThrow({ where: { id: task.requestId } }))
          .reference,
        taskId: task.id,
      },
    });
    expect(await run(task.id)).toBe("accepted");
    const again = (await mine()).at(-1);
    expect(again?.data.kind).toBe("systemTask");
    const newToken = tokenOf(again?.data.params.url);
    expect(newToken).not.toBe(firstToken);
    expect(await mod.link.openSystemTask(firstToken, "ja")).toBeNull();
    expect((await mod.link.openSystemTask(newToken, "ja"))?.state).toBe("waiting");
  });

  it("fails for good, without mailing, when the system's settings are wrong", async () => {
    const broken = await db.dataSystem.create({
      data: { key: "broken-mail", nameJa: "b", nameEn: "b", connector: "EMAIL", config: {} },
    });
    const s = await subject();
    await db.subjectExternalId.create({
      data: { subjectId: s.id, systemId: broken.id, externalId: "B-1" },
    });
    const request = await verifiedRequest(db, {
      subjectId: s.id,
      type: "DISCLOSURE",
      details: { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" },
      actor: staff,
    });
    const task = await db.fulfilmentTask.findFirstOrThrow({
      where: { requestId: request.id, systemId: broken.id },
    });
    expect(await run(task.id)).toBe("failed");
    const failed = await db.fulfilmentTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(failed).toMatchObject({ status: "FAILED", lastError: "bad_config", acceptedAt: null });
  });
});
