import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: onward notices tracked until each recipient confirms, on PostgreSQL.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let notices: typeof import("./notices");

const DAY = 86_400_000;

async function person(role: Actor["role"]): Promise<Actor & { subjectId?: string }> {
  const user = await db.user.create({ data: { email: `${randomUUID()}@test.example.jp`, role } });
  const subject =
    role === "SUBJECT"
      ? await db.subject.create({
          data: { userId: user.id, familyName: "試験", givenName: "花子" },
        })
      : undefined;
  return {
    userId: user.id,
    role,
    email: user.email,
    ip: "127.0.0.1",
    passkeyAt: new Date(),
    subjectId: subject?.id,
  };
}

async function requestWithNotices(subjectId: string) {
  const request = await db.request.create({
    data: {
      reference: `R-2099-${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`,
      type: "CORRECTION",
      status: "IN_PROGRESS",
      subjectId,
      dueAt: new Date(Date.now() + 10 * DAY),
      identityVerifiedAt: new Date(),
    },
  });
  const recipients = await Promise.all(
    ["alpha", "beta"].map((k) =>
      db.recipient.create({
        data: {
          key: `${k}-${randomUUID()}`,
          nameJa: `${k}社`,
          nameEn: `${k} Inc.`,
          recipientClass: "THIRD_PARTY",
        },
      }),
    ),
  );
  const [sent, unsent] = await Promise.all([
    db.recipientNotice.create({
      data: {
        requestId: request.id,
        recipientId: recipients[0]!.id,
        kind: "CORRECTION",
        sentAt: new Date(),
      },
    }),
    db.recipientNotice.create({
      data: { requestId: request.id, recipientId: recipients[1]!.id, kind: "ERASURE" },
    }),
  ]);
  return { request, sent, unsent };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  db = (await import("@/lib/db")).getDb();
  notices = await import("./notices");
});

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

describe("onward notices", () => {
  it("lists a request's notices for staff, with the recipient", async () => {
    const staff = await person("STAFF");
    const subject = await person("SUBJECT");
    const { request, sent } = await requestWithNotices(subject.subjectId!);
    const list = await notices.listNotices({ actor: staff, reference: request.reference });
    expect(list.map((n) => [n.kind, n.recipient.nameEn, !!n.sentAt, n.confirmedAt])).toEqual([
      ["CORRECTION", "alpha Inc.", true, null],
      ["ERASURE", "beta Inc.", false, null],
    ]);
    expect(list[0]!.id).toBe(sent.id);
  });

  it("records a confirmation once, with its note and an audit event without it", async () => {
    const staff = await person("STAFF");
    const subject = await person("SUBJECT");
    const { request, sent } = await requestWithNotices(subject.subjectId!);
    const input = {
      reference: request.reference,
      noticeId: sent.id,
      note: "2026-05-01 先方担当者からメールで受領の返信あり",
    };
    await notices.confirmNotice({ actor: staff, input });
    const row = await db.recipientNotice.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row.confirmedAt).not.toBeNull();
    expect(row.note).toBe(input.note);
    const audit = await db.auditEvent.findMany({ where: { requestId: request.id } });
    expect(audit.map((a) => [a.action, a.entityId, a.actorId])).toEqual([
      ["recipient-notice.confirm", sent.id, staff.userId],
    ]);
    expect(JSON.stringify(audit[0]!.data)).not.toContain("先方担当者");

    // Nobody overwrites a confirmation.
    const other = await person("MANAGER");
    await expect(
      notices.confirmNotice({ actor: other, input: { ...input, note: "別の記録" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.recipientNotice.findUniqueOrThrow({ where: { id: sent.id } })).note).toBe(
      input.note,
    );
  });

  it("refuses a notice never sent, another request's notice and an unknown reference", async () => {
    const staff = await person("STAFF");
    const subject = await person("SUBJECT");
    const mine = await requestWithNotices(subject.subjectId!);
    const theirs = await requestWithNotices(subject.subjectId!);
    const confirm = (reference: string, noticeId: string) =>
      notices.confirmNotice({ actor: staff, input: { reference, noticeId, note: "x" } });
    await expect(confirm(mine.request.reference, mine.unsent.id)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(confirm(mine.request.reference, theirs.sent.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(confirm("R-2099-999999", mine.sent.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(
      await db.recipientNotice.count({
        where: {
          requestId: { in: [mine.request.id, theirs.request.id] },
          confirmedAt: { not: null },
        },
      }),
    ).toBe(0);
  });

  it("is staff work: the subject can neither list nor confirm, even on their own request", async () => {
    const subject = await person("SUBJECT");
    const { request, sent } = await requestWithNotices(subject.subjectId!);
    await db.request.update({ where: { id: request.id }, data: { filedById: subject.userId } });
    await expect(
      notices.listNotices({ actor: subject, reference: request.reference }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      notices.confirmNotice({
        actor: subject,
        input: { reference: request.reference, noticeId: sent.id, note: "確認しました" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      (await db.recipientNotice.findUniqueOrThrow({ where: { id: sent.id } })).confirmedAt,
    ).toBeNull();
  });
});
