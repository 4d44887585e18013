import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { startSmtpSink } from "@/e2e/support/smtp-sink";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: onward notices mailed through a real SMTP sink, opened and confirmed by their
// link, or closed by a manager, on PostgreSQL.

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
  const [mailed, byHand] = await Promise.all(
    [
      ["alpha", "FOREIGN_THIRD_PARTY", "privacy@alpha.example.com"],
      ["beta", "THIRD_PARTY", null],
    ].map(([k, recipientClass, noticeEmail]) =>
      db.recipient.create({
        data: {
          key: `${k}-${randomUUID()}`,
          nameJa: `${k}社`,
          nameEn: `${k} Inc.`,
          recipientClass: recipientClass as "THIRD_PARTY",
          noticeEmail,
        },
      }),
    ),
  );
  const [sent, unsent] = await Promise.all([
    db.recipientNotice.create({
      data: {
        requestId: request.id,
        recipientId: mailed!.id,
        kind: "CORRECTION",
        items: ["email"],
      },
    }),
    db.recipientNotice.create({
      data: {
        requestId: request.id,
        recipientId: byHand!.id,
        kind: "CORRECTION",
        items: ["phone"],
      },
    }),
  ]);
  return { request, sent, unsent };
}

/** The mails the sink received for an address, as raw text with soft line breaks undone. */
function mailsTo(address: string): string[] {
  if (!existsSync(inbox)) return [];
  return readFileSync(inbox, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { to: string[]; raw: string })
    .filter((m) => m.to.includes(address))
    .map((m) => m.raw.replace(/=\r?\n/g, ""));
}

let inbox: string;
let sink: { close: (cb: () => void) => void };
let delivery: typeof import("@/lib/fulfilment/onward-delivery");
let changes: typeof import("./request-changes");

beforeAll(async () => {
  inbox = path.join(mkdtempSync(path.join(tmpdir(), "notices-")), "inbox.jsonl");
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  sink = await startSmtpSink({ port, inbox });
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  db = (await import("@/lib/db")).getDb();
  notices = await import("./notices");
  delivery = await import("@/lib/fulfilment/onward-delivery");
  changes = await import("./request-changes");
  await db.dataCategory.createMany({
    data: [
      { key: "email", nameJa: "メールアドレス", nameEn: "Email address" },
      { key: "phone", nameJa: "電話番号", nameEn: "Phone number" },
    ],
  });
  await db.dataSystem.create({
    data: { key: "members", nameJa: "会員", nameEn: "Members", connector: "INTERNAL" },
  });
});

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
  await new Promise<void>((resolve) => sink.close(resolve));
});

describe("onward notices", () => {
  it("lists a request's notices for staff, with the recipient and its channel", async () => {
    const staff = await person("STAFF");
    const subject = await person("SUBJECT");
    const { request, sent } = await requestWithNotices(subject.subjectId!);
    const list = await notices.listNotices({ actor: staff, reference: request.reference });
    expect(list.map((n) => [n.recipient.nameEn, n.recipient.noticeEmail, n.sentAt])).toEqual([
      ["alpha Inc.", "privacy@alpha.example.com", null],
      ["beta Inc.", null, null],
    ]);
    expect(list[0]!.id).toBe(sent.id);
  });

  it("mails the recipient a link that shows who and what, and confirms once", async () => {
    const subject = await person("SUBJECT");
    await db.subject.update({
      where: { id: subject.subjectId! },
      data: { email: "hanako@example.jp" },
    });
    const { request, sent, unsent } = await requestWithNotices(subject.subjectId!);
    const system = await db.dataSystem.findUniqueOrThrow({ where: { key: "members" } });
    // The correction's task reported two changes; the recipient received only the email.
    await db.fulfilmentTask.create({
      data: {
        requestId: request.id,
        systemId: system.id,
        action: "CORRECT",
        status: "SUCCEEDED",
        result: {
          changes: [
            {
              ref: "i1",
              field: "email",
              action: "CORRECT",
              before: "old@example.jp",
              after: "new@example.jp",
              categoryKey: "email",
            },
            {
              ref: "i2",
              field: "phone",
              action: "CORRECT",
              before: "03-1111",
              after: "03-2222",
              categoryKey: "phone",
            },
          ],
        },
      },
    });

    expect(await delivery.deliverOnwardNotice(db, sent.id)).toBe("sent");
    const mails = mailsTo("privacy@alpha.example.com");
    expect(mails).toHaveLength(1);
    // A recipient abroad is written in English; the mail holds a link, not the person's data.
    expect(mails[0]).toContain("Correction of personal data we provided to you");
    expect(mails[0]).not.toContain("hanako@example.jp");
    const token = /\/en\/notices\/([A-Za-z0-9_-]{43})/.exec(mails[0]!)![1]!;
    const row = await db.recipientNotice.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row).toMatchObject({
      sentTo: "privacy@alpha.example.com",
      tokenHash: createHash("sha256").update(token).digest("hex"),
    });
    expect(row.sentAt).not.toBeNull();
    // A retried job sends nothing twice; a recipient without an address is never mailed.
    expect(await delivery.deliverOnwardNotice(db, sent.id)).toBe("skipped");
    expect(await delivery.deliverOnwardNotice(db, unsent.id)).toBe("skipped");
    expect(mailsTo("privacy@alpha.example.com")).toHaveLength(1);

    const opened = await notices.openNotice(token, "en");
    expect(opened).toMatchObject({
      recipient: "alpha Inc.",
      kind: "CORRECTION",
      person: { name: "花子 試験", email: "hanako@example.jp" },
      items: ["Email address"],
      corrections: [{ after: "new@example.jp", action: "CORRECT" }],
      confirmedAt: null,
    });
    expect(await notices.openNotice("x".repeat(43), "en")).toBeNull();

    expect(await notices.confirmNoticeByToken(token)).toBe("confirmed");
    expect(await notices.confirmNoticeByToken(token)).toBe("already");
    expect((await notices.openNotice(token, "ja"))!.confirmedAt).not.toBeNull();
    const audit = await db.auditEvent.findMany({
      where: { requestId: request.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["recipient-notice.send", null],
      ["recipient-notice.confirm", null],
    ]);
    expect(JSON.stringify(audit.map((a) => a.data))).not.toContain("example");

    // The requester sees who was told, and whether each confirmed.
    const told = await changes.collectRequestChanges(db, request, "en");
    expect(told.told).toEqual([{ name: "alpha Inc.", confirmed: true }]);

    // The link lives 90 days.
    await db.recipientNotice.update({
      where: { id: sent.id },
      data: { sentAt: new Date(Date.now() - 91 * DAY) },
    });
    expect(await notices.openNotice(token, "en")).toBeNull();
  });

  it("posts a signed notice to the recipient's system, which reads and confirms it by its links", async () => {
    const received: { headers: IncomingMessage["headers"]; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        // The first call fails: the job throws so that pg-boss retries.
        res.writeHead(received.length === 1 ? 503 : 202).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const subject = await person("SUBJECT");
      const { request, sent } = await requestWithNotices(subject.subjectId!);
      const secret = "s".repeat(43);
      const port = (server.address() as AddressInfo).port;
      await db.recipient.update({
        where: { id: sent.recipientId },
        data: { noticeWebhookUrl: `http://127.0.0.1:${port}/notices`, noticeWebhookSecret: secret },
      });
      await expect(delivery.deliverOnwardNotice(db, sent.id)).rejects.toThrow(/503/);
      expect(
        (await db.recipientNotice.findUniqueOrThrow({ where: { id: sent.id } })).sentAt,
      ).toBeNull();
      expect(await delivery.deliverOnwardNotice(db, sent.id)).toBe("sent");
      // The webhook replaces the mail: nothing went to the notice address.
      expect(mailsTo("privacy@alpha.example.com")).toHaveLength(1);
      const call = received[1]!;
      const { verifySignature } = await import("@/lib/fulfilment/engine/signature");
      expect(
        verifySignature({
          secret,
          body: call.body,
          timestamp: String(call.headers["x-dsar-timestamp"]),
          nonce: String(call.headers["x-dsar-nonce"]),
          signature: String(call.headers["x-dsar-signature"]),
        }).ok,
      ).toBe(true);
      const body = JSON.parse(call.body) as {
        event: string;
        kind: string;
        links: { page: string; details: string; confirm: string };
      };
      expect(body).toMatchObject({ event: "onward_notice", kind: "CORRECTION" });
      // Like the mail, the body carries links, never the person's data.
      expect(call.body).not.toContain("試験");
      const row = await db.recipientNotice.findUniqueOrThrow({ where: { id: sent.id } });
      expect(row.sentTo).toBe(`http://127.0.0.1:${port}/notices`);
      const token = /\/api\/notices\/([A-Za-z0-9_-]{43})$/.exec(body.links.details)![1]!;
      expect(body.links.confirm).toMatch(new RegExp(`/api/notices/${token}/confirm$`));

      // The recipient's system reads the notice, then confirms it, through the API routes.
      const details = await import("@/app/api/notices/[token]/route");
      const confirm = await import("@/app/api/notices/[token]/confirm/route");
      const params = (t: string) => ({ params: Promise.resolve({ token: t }) });
      const { NextRequest } = await import("next/server");
      const read = await details.GET(new NextRequest(body.links.details), params(token));
      expect(read.status).toBe(200);
      expect(read.headers.get("cache-control")).toBe("no-store");
      expect(await read.json()).toMatchObject({
        ok: true,
        notice: { kind: "CORRECTION", person: { name: "花子 試験" }, items: ["Email address"] },
      });
      const unknown = await details.GET(
        new NextRequest(body.links.details),
        params("x".repeat(43)),
      );
      expect(unknown.status).toBe(404);
      const first = await confirm.POST(
        new Request(body.links.confirm, { method: "POST" }),
        params(token),
      );
      expect(await first.json()).toEqual({ ok: true, status: "confirmed" });
      const again = await confirm.POST(
        new Request(body.links.confirm, { method: "POST" }),
        params(token),
      );
      expect(await again.json()).toEqual({ ok: true, status: "already" });
      const audit = await db.auditEvent.findMany({
        where: { requestId: request.id },
        orderBy: { id: "asc" },
      });
      expect(audit.map((a) => [a.action, a.data as { channel?: string; via?: string }])).toEqual([
        ["recipient-notice.send", expect.objectContaining({ channel: "WEBHOOK" })],
        ["recipient-notice.confirm", expect.objectContaining({ via: "api" })],
      ]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("lets a manager close an unconfirmed notice once, with a note kept out of the audit", async () => {
    const staff = await person("STAFF");
    const manager = await person("MANAGER");
    const subject = await person("SUBJECT");
    const { request, sent: mailable, unsent } = await requestWithNotices(subject.subjectId!);
    const input = {
      reference: request.reference,
      noticeId: unsent.id,
      note: "2026-05-01 先方担当者に電話で伝え、反映の返事を受けた",
    };
    await expect(notices.closeNotice({ actor: staff, input })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await notices.closeNotice({ actor: manager, input });
    const row = await db.recipientNotice.findUniqueOrThrow({ where: { id: unsent.id } });
    expect(row).toMatchObject({ closedById: manager.userId, note: input.note, confirmedAt: null });
    expect(row.closedAt).not.toBeNull();
    const audit = await db.auditEvent.findMany({ where: { requestId: request.id } });
    expect(audit.map((a) => [a.action, a.entityId, a.actorId])).toEqual([
      ["recipient-notice.close", unsent.id, manager.userId],
    ]);
    expect(JSON.stringify(audit[0]!.data)).not.toContain("先方担当者");
    // Nobody overwrites a close; a closed notice is not told to the requester as sent.
    await expect(
      notices.closeNotice({ actor: manager, input: { ...input, note: "別の記録" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await changes.collectRequestChanges(db, request, "ja")).told).toEqual([]);

    // A notice closed before its mail went out is never mailed afterwards.
    const mailedBefore = mailsTo("privacy@alpha.example.com").length;
    await notices.closeNotice({
      actor: manager,
      input: { reference: request.reference, noticeId: mailable.id, note: "電話で伝えた" },
    });
    expect(await delivery.deliverOnwardNotice(db, mailable.id)).toBe("skipped");
    expect(mailsTo("privacy@alpha.example.com")).toHaveLength(mailedBefore);
    expect(
      (await db.recipientNotice.findUniqueOrThrow({ where: { id: mailable.id } })).tokenHash,
    ).toBeNull();
  });

  it("refuses another request's notice and an unknown reference", async () => {
    const manager = await person("MANAGER");
    const subject = await person("SUBJECT");
    const mine = await requestWithNotices(subject.subjectId!);
    const theirs = await requestWithNotices(subject.subjectId!);
    const close = (reference: string, noticeId: string) =>
      notices.closeNotice({ actor: manager, input: { reference, noticeId, note: "x" } });
    await expect(close(mine.request.reference, theirs.sent.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(close("R-2099-999999", mine.sent.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("is staff work: the subject can neither list nor close, even on their own request", async () => {
    const subject = await person("SUBJECT");
    const { request, sent } = await requestWithNotices(subject.subjectId!);
    await db.request.update({ where: { id: request.id }, data: { filedById: subject.userId } });
    await expect(
      notices.listNotices({ actor: subject, reference: request.reference }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      notices.closeNotice({
        actor: subject,
        input: { reference: request.reference, noticeId: sent.id, note: "確認しました" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
