import { randomBytes, randomUUID } from "node:crypto";
import { access, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { FilerRole, RequestStatus } from "@/lib/generated/prisma/enums";
import { cleanPdf, jpegWithGps } from "@/lib/identity/test-fixtures";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: the staff identity review through the data layer, against real PostgreSQL, a real
// file folder and the real job queue (pg-boss in the same database).

let testDb: { url: string; drop: () => Promise<void> };
let dataDir: string;
let db: Db;
let mod: {
  upload: typeof import("./upload-document");
  verify: typeof import("./decide-identity");
  resubmit: typeof import("./request-resubmission");
  unverifiable: typeof import("./close-unverifiable");
  flag: typeof import("./flag-my-number");
  view: typeof import("./view-document");
  review: typeof import("./get-identity-review");
  purge: typeof import("@/lib/identity/purge");
  store: typeof import("@/lib/storage/file-store");
  boss: typeof import("@/lib/jobs/boss");
};

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

async function person(role: Actor["role"]): Promise<Actor> {
  const user = await db.user.create({ data: { email: `${randomUUID()}@test.example.jp`, role } });
  return { userId: user.id, role, email: user.email, ip: "192.0.2.7", passkeyAt: new Date() };
}

/** A subject's request with documents sent through the real upload path. */
async function requestWithDocuments(
  options: {
    status?: RequestStatus;
    filerRole?: FilerRole;
    locale?: "ja" | "en";
    documents?: number;
  } = {},
) {
  const subjectActor = await person("SUBJECT");
  const subject = await db.subject.create({
    data: {
      userId: subjectActor.userId,
      familyName: "試験",
      givenName: "花子",
      familyNameKana: "シケン",
      givenNameKana: "ハナコ",
      address: "東京都千代田区1-1",
      postalCode: "100-0001",
    },
  });
  const request = await db.request.create({
    data: {
      reference: `R-2099-${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`,
      type: "DISCLOSURE",
      status: "SUBMITTED",
      filerRole: options.filerRole ?? "SELF",
      agentDetails:
        options.filerRole && options.filerRole !== "SELF"
          ? { relationship: null, agent: { familyName: "代理", givenName: "一郎" } }
          : undefined,
      locale: options.locale ?? "ja",
      subjectId: subject.id,
      filedById: subjectActor.userId,
      dueAt: new Date(Date.now() + 864e6),
    },
  });
  const documentIds: string[] = [];
  for (let i = 0; i < (options.documents ?? 1); i++) {
    const result = await mod.upload.uploadIdentityDocument({
      actor: subjectActor,
      reference: request.reference,
      kind: i === 0 ? "DRIVERS_LICENSE" : "AUTHORITY_PROOF",
      owner: i === 0 ? "SUBJECT" : "AGENT",
      bytes: i === 0 ? await jpegWithGps() : cleanPdf(),
    });
    if (!result.ok) throw new Error(result.error);
    documentIds.push(result.document.id);
  }
  if (options.status && options.status !== "SUBMITTED")
    await db.request.update({ where: { id: request.id }, data: { status: options.status } });
  return { subjectActor, request, documentIds };
}

const documents = (requestId: string) =>
  db.identityDocument.findMany({ where: { requestId }, orderBy: { uploadedAt: "asc" } });
const audits = (requestId: string) =>
  db.auditEvent.findMany({ where: { requestId }, orderBy: { id: "asc" } });
const status = async (requestId: string) =>
  (await db.request.findUniqueOrThrow({ where: { id: requestId } })).status;

async function purgeJobs(requestId: string) {
  return db.$queryRawUnsafe<{ data: { documentIds: string[]; note: string } }[]>(
    `SELECT data FROM pgboss.job WHERE name = 'identity-document-purge' AND data->>'requestId' = $1`,
    requestId,
  );
}

async function statusMails(to: string) {
  const rows = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail-send' AND data->>'to' = $1 AND data->>'kind' = 'requestStatusChanged'`,
    to,
  );
  return rows[0]!.n;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), "identity-review-"));
  process.env.DATABASE_URL = testDb.url;
  process.env.DATA_DIR = dataDir;
  // This suite looks at the files on disk: the filesystem backend, whatever S3_* the shell has.
  for (const name of Object.keys(process.env)) if (name.startsWith("S3_")) delete process.env[name];
  process.env.MASTER_KEY = randomBytes(32).toString("base64");
  db = (await import("@/lib/db")).getDb();
  mod = {
    upload: await import("./upload-document"),
    verify: await import("./decide-identity"),
    resubmit: await import("./request-resubmission"),
    unverifiable: await import("./close-unverifiable"),
    flag: await import("./flag-my-number"),
    view: await import("./view-document"),
    review: await import("./get-identity-review"),
    purge: await import("@/lib/identity/purge"),
    store: await import("@/lib/storage/file-store"),
    boss: await import("@/lib/jobs/boss"),
  };
});

afterAll(async () => {
  await (await mod.boss.getBoss()).stop({ graceful: false });
  await db.$disconnect();
  await testDb.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("identity decisions", () => {
  it("verifies with the checks recorded: decision, audit, transition and purge job together", async () => {
    const staff = await person("STAFF");
    const { request, documentIds } = await requestWithDocuments();
    await mod.verify.verifyIdentity({
      actor: staff,
      input: {
        reference: request.reference,
        note: "免許証で照合",
        checks: { subject: true, agent: false, authority: false },
      },
    });

    expect(await status(request.id)).toBe("IN_PROGRESS");
    const decision = await db.verificationDecision.findFirstOrThrow({
      where: { requestId: request.id },
    });
    expect(decision).toMatchObject({
      result: "VERIFIED",
      checks: { subject: true },
      note: "免許証で照合",
      decidedById: staff.userId,
    });
    const trail = await audits(request.id);
    expect(trail.map((a) => a.action).slice(-2)).toEqual([
      "identity.decide",
      "request.verifyIdentity",
    ]);
    expect(trail.at(-2)).toMatchObject({ entityId: decision.id, actorId: staff.userId });
    expect(trail.at(-2)!.data).toMatchObject({ result: "VERIFIED", documents: 1, subject: true });
    // The documents decided on wait for the job: no longer viewable, the file not yet gone.
    const [document] = await documents(request.id);
    expect(document!.purgeAfter).not.toBeNull();
    expect(document!.purgedAt).toBeNull();
    expect(await purgeJobs(request.id)).toEqual([
      { data: expect.objectContaining({ documentIds, note: "VERIFIED" }) },
    ]);
    expect(await mod.view.viewDocument({ actor: staff, documentId: documentIds[0]! })).toBeNull();
  });

  it("writes nothing when the transition is refused (one transaction)", async () => {
    const staff = await person("STAFF");
    const { request } = await requestWithDocuments({ status: "IN_PROGRESS" });
    const before = (await audits(request.id)).length;
    await expect(
      mod.resubmit.requestResubmission({
        actor: staff,
        input: { reference: request.reference, reasons: ["EXPIRED"], message: "期限切れ" },
      }),
    ).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
    await expect(
      mod.unverifiable.closeUnverifiable({
        actor: staff,
        input: { reference: request.reference, reason: "OTHER", explanation: "x" },
      }),
    ).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
    expect(await db.verificationDecision.count({ where: { requestId: request.id } })).toBe(0);
    expect(await db.message.count({ where: { requestId: request.id } })).toBe(0);
    expect((await audits(request.id)).length).toBe(before);
    expect(await purgeJobs(request.id)).toEqual([]);
    expect((await documents(request.id))[0]!.purgeAfter).toBeNull();
    expect(await status(request.id)).toBe("IN_PROGRESS");
  });

  it("asks for resubmission: reasons in the requester's language, status mail, new upload returns to review", async () => {
    const staff = await person("STAFF");
    const { request, subjectActor } = await requestWithDocuments({ status: "IDENTITY_REVIEW" });
    const mailsBefore = await statusMails(subjectActor.email);
    await mod.resubmit.requestResubmission({
      actor: staff,
      input: {
        reference: request.reference,
        reasons: ["UNREADABLE", "EXPIRED"],
        message: "明るい場所で撮り直してください。",
      },
    });

    expect(await status(request.id)).toBe("AWAITING_IDENTITY");
    const decision = await db.verificationDecision.findFirstOrThrow({
      where: { requestId: request.id },
    });
    expect(decision).toMatchObject({ result: "RESUBMIT", reasons: ["UNREADABLE", "EXPIRED"] });
    const message = await db.message.findFirstOrThrow({ where: { requestId: request.id } });
    expect(message.direction).toBe("TO_REQUESTER");
    expect(message.body).toContain("書類の有効期限が切れています");
    expect(message.body).toContain("書類の文字や写真が読み取れません");
    expect(message.body).toContain("明るい場所で撮り直してください。");
    const event = await db.requestEvent.findFirstOrThrow({
      where: { requestId: request.id, kind: "requestResubmission" },
    });
    expect(event).toMatchObject({
      visibleToRequester: true,
      toStatus: "AWAITING_IDENTITY",
      note: "明るい場所で撮り直してください。",
    });
    expect(await statusMails(subjectActor.email)).toBe(mailsBefore + 1);
    expect((await audits(request.id)).map((a) => a.action)).toEqual(
      expect.arrayContaining(["identity.decide", "message.send", "request.requestResubmission"]),
    );
    expect(await purgeJobs(request.id)).toHaveLength(1);

    // The requester sends a new document: the request goes back to staff.
    const again = await mod.upload.uploadIdentityDocument({
      actor: subjectActor,
      reference: request.reference,
      kind: "PASSPORT",
      owner: "SUBJECT",
      bytes: await jpegWithGps(),
    });
    expect(again.ok).toBe(true);
    expect(await status(request.id)).toBe("IDENTITY_REVIEW");
    const back = await db.requestEvent.findFirstOrThrow({
      where: { requestId: request.id, kind: "identityDocumentsReceived" },
    });
    expect(back).toMatchObject({ fromStatus: "AWAITING_IDENTITY", toStatus: "IDENTITY_REVIEW" });
  });

  it("writes the requester's text in the request's language (English)", async () => {
    const staff = await person("STAFF");
    const { request } = await requestWithDocuments({ locale: "en" });
    await mod.resubmit.requestResubmission({
      actor: staff,
      input: { reference: request.reference, reasons: ["NAME_MISMATCH"], message: "Please." },
    });
    const message = await db.message.findFirstOrThrow({ where: { requestId: request.id } });
    expect(message.body).toContain("The name does not match the request");
  });

  it("closes as unverifiable with the reason and explanation the requester reads", async () => {
    const staff = await person("STAFF");
    const { request, documentIds } = await requestWithDocuments();
    await mod.unverifiable.closeUnverifiable({
      actor: staff,
      input: {
        reference: request.reference,
        reason: "IDENTITY_MISMATCH",
        explanation: "登録の氏名と書類の氏名が異なります。",
      },
    });
    const closed = await db.request.findUniqueOrThrow({ where: { id: request.id } });
    expect(closed).toMatchObject({
      status: "COMPLETED",
      outcome: "UNVERIFIABLE",
      refusalGrounds: ["IDENTITY_NOT_VERIFIED"],
    });
    expect(closed.outcomeNote).toBe(
      "提出された書類と請求者の情報が一致しませんでした。登録の氏名と書類の氏名が異なります。",
    );
    expect(
      await db.verificationDecision.findFirst({ where: { requestId: request.id } }),
    ).toMatchObject({ result: "UNVERIFIABLE", reasons: ["IDENTITY_MISMATCH"] });
    expect((await audits(request.id)).map((a) => a.action).slice(-2)).toEqual([
      "identity.decide",
      "request.closeUnverifiable",
    ]);
    expect(await purgeJobs(request.id)).toEqual([
      { data: expect.objectContaining({ documentIds, note: "UNVERIFIABLE" }) },
    ]);
  });

  it("refuses an agent's request without all three checks", async () => {
    const staff = await person("STAFF");
    const { request } = await requestWithDocuments({ filerRole: "APPOINTED_AGENT", documents: 2 });
    const verify = (checks?: { subject: boolean; agent: boolean; authority: boolean }) =>
      mod.verify.verifyIdentity({
        actor: staff,
        input: { reference: request.reference, note: "", checks },
      });
    await expect(verify()).rejects.toMatchObject({
      code: "INVALID_INPUT",
      messageKey: "review.errors.checksRequired",
    });
    await expect(verify({ subject: true, agent: true, authority: false })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { "checks.authority": "review.errors.check" },
    });
    expect(await db.verificationDecision.count({ where: { requestId: request.id } })).toBe(0);
    expect(await status(request.id)).toBe("SUBMITTED");

    await verify({ subject: true, agent: true, authority: true });
    expect(await status(request.id)).toBe("IN_PROGRESS");
    expect(
      (await db.verificationDecision.findFirstOrThrow({ where: { requestId: request.id } })).checks,
    ).toEqual({ subject: true, agent: true, authority: true });
  });

  it("lets neither a subject nor anyone without the permission decide", async () => {
    const { request, subjectActor, documentIds } = await requestWithDocuments();
    const input = { reference: request.reference };
    await expect(
      mod.verify.verifyIdentity({ actor: subjectActor, input: { ...input, note: "" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      mod.resubmit.requestResubmission({
        actor: subjectActor,
        input: { ...input, reasons: ["OTHER"], message: "x" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      mod.unverifiable.closeUnverifiable({
        actor: subjectActor,
        input: { ...input, reason: "OTHER", explanation: "x" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      mod.flag.flagMyNumber({
        actor: subjectActor,
        input: { documentId: documentIds[0]!, confirm: true },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await mod.review.getIdentityReview({ actor: subjectActor, ...input })).toBeNull();
    expect(await db.verificationDecision.count({ where: { requestId: request.id } })).toBe(0);
    expect((await documents(request.id))[0]!.storageKey).not.toBeNull();
  });
});

describe("viewing a document", () => {
  it("returns the decrypted file to staff and audits every view", async () => {
    const staff = await person("STAFF");
    const { request, documentIds } = await requestWithDocuments();
    const [row] = await documents(request.id);
    const plain = await mod.store.readEncryptedFile({
      storageKey: row!.storageKey!,
      wrappedKey: row!.wrappedKey!,
    });
    for (let i = 0; i < 2; i++) {
      const seen = await mod.view.viewDocument({ actor: staff, documentId: documentIds[0]! });
      expect(seen?.mimeType).toBe("image/jpeg");
      expect(seen?.bytes.equals(plain)).toBe(true);
    }
    const views = (await audits(request.id)).filter((a) => a.action === "identity-document.view");
    expect(views).toHaveLength(2);
    expect(views[0]).toMatchObject({
      actorId: staff.userId,
      actorRole: "STAFF",
      entityType: "IdentityDocument",
      entityId: documentIds[0],
      ip: "192.0.2.7",
    });
    expect(views[0]!.data).toEqual({ kind: "DRIVERS_LICENSE", owner: "SUBJECT" });
  });

  it("asks staff for a passkey confirmed in the last 10 minutes, and shows nothing before", async () => {
    const staff = await person("STAFF");
    const { request, documentIds } = await requestWithDocuments();
    const stale = { ...staff, passkeyAt: new Date(Date.now() - 11 * 60_000) };
    await expect(
      mod.view.viewDocument({ actor: stale, documentId: documentIds[0]! }),
    ).rejects.toMatchObject({ code: "STEP_UP_REQUIRED" });
    await expect(
      mod.view.viewDocument({ actor: { ...staff, passkeyAt: null }, documentId: documentIds[0]! }),
    ).rejects.toMatchObject({ code: "STEP_UP_REQUIRED" });
    const views = (await audits(request.id)).filter((a) => a.action === "identity-document.view");
    expect(views).toHaveLength(0);
  });

  it("shows nothing to a subject, to staff not assigned, or for an unknown id", async () => {
    const staff = await person("STAFF");
    const other = await person("STAFF");
    const { request, subjectActor, documentIds } = await requestWithDocuments();
    const documentId = documentIds[0]!;
    expect(await mod.view.viewDocument({ actor: subjectActor, documentId })).toBeNull();
    expect(await mod.view.viewDocument({ actor: staff, documentId: "nope" })).toBeNull();
    await db.request.update({ where: { id: request.id }, data: { assigneeId: staff.userId } });
    expect(await mod.view.viewDocument({ actor: other, documentId })).toBeNull();
    expect(await mod.view.viewDocument({ actor: staff, documentId })).not.toBeNull();
    const views = (await audits(request.id)).filter((a) => a.action === "identity-document.view");
    expect(views.map((v) => v.actorId)).toEqual([staff.userId]);
    const review = await mod.review.getIdentityReview({
      actor: other,
      reference: request.reference,
    });
    expect(review?.canOpen).toBe(false);
  });
});

describe("destroying documents", () => {
  it("the purge destroys the files, keeps hash and kind, audits once, and can run again", async () => {
    const staff = await person("STAFF");
    const { request, documentIds } = await requestWithDocuments({
      filerRole: "LEGAL_REPRESENTATIVE",
      documents: 2,
    });
    const before = await documents(request.id);
    const files = before.map((d) => mod.store.storedFilePath(d.storageKey!));
    for (const file of files) expect(await exists(file)).toBe(true);

    await mod.resubmit.requestResubmission({
      actor: staff,
      input: { reference: request.reference, reasons: ["AUTHORITY_PROOF_MISSING"], message: "x" },
    });
    const [job] = await purgeJobs(request.id);
    const data = job!.data as import("@/lib/identity/purge").DocumentPurgeJob;
    expect(await mod.purge.purgeDocuments(db, data)).toBe(2);
    expect(await mod.purge.purgeDocuments(db, data)).toBe(0);

    for (const file of files) expect(await exists(file)).toBe(false);
    const after = await documents(request.id);
    for (const [i, document] of after.entries()) {
      expect(document).toMatchObject({
        storageKey: null,
        wrappedKey: null,
        purgeNote: "RESUBMIT",
        sha256: before[i]!.sha256,
        kind: before[i]!.kind,
      });
      expect(document.purgedAt).not.toBeNull();
    }
    const purges = (await audits(request.id)).filter((a) => a.action === "identity-document.purge");
    expect(purges.map((a) => a.entityId).sort()).toEqual([...documentIds].sort());
    expect(purges.every((a) => a.actorId === null)).toBe(true);
    expect(await mod.view.viewDocument({ actor: staff, documentId: documentIds[0]! })).toBeNull();
  });

  it("a flagged My Number is destroyed at once and a masked copy asked for", async () => {
    const staff = await person("STAFF");
    const { request, documentIds } = await requestWithDocuments({
      filerRole: "APPOINTED_AGENT",
      documents: 2,
    });
    const [flagged, kept] = await documents(request.id);
    const file = mod.store.storedFilePath(flagged!.storageKey!);

    await mod.flag.flagMyNumber({
      actor: staff,
      input: { documentId: flagged!.id, confirm: true },
    });

    expect(await exists(file)).toBe(false);
    const row = await db.identityDocument.findUniqueOrThrow({ where: { id: flagged!.id } });
    expect(row).toMatchObject({ storageKey: null, wrappedKey: null, purgeNote: "MY_NUMBER" });
    expect(row.myNumberFlaggedAt).not.toBeNull();
    expect(row.purgedAt).not.toBeNull();
    // The other document stays for the review.
    const other = await db.identityDocument.findUniqueOrThrow({ where: { id: kept!.id } });
    expect(other).toMatchObject({ storageKey: kept!.storageKey, purgeAfter: null, purgedAt: null });

    expect(await status(request.id)).toBe("AWAITING_IDENTITY");
    expect(
      await db.verificationDecision.findFirstOrThrow({ where: { requestId: request.id } }),
    ).toMatchObject({ result: "RESUBMIT", reasons: ["MY_NUMBER_VISIBLE"] });
    const message = await db.message.findFirstOrThrow({ where: { requestId: request.id } });
    expect(message.body).toContain("マイナンバー（個人番号）が写っていました");
    expect((await audits(request.id)).map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "identity-document.flag-my-number",
        "identity.decide",
        "request.requestResubmission",
      ]),
    );
    // The job only repeats the file deletion for the flagged one, in case it had failed.
    expect(await purgeJobs(request.id)).toEqual([
      {
        data: expect.objectContaining({
          documentIds: [],
          storageKeys: [flagged!.storageKey],
          note: "MY_NUMBER",
        }),
      },
    ]);
    await expect(
      mod.flag.flagMyNumber({ actor: staff, input: { documentId: flagged!.id, confirm: true } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(documentIds).toContain(kept!.id);
  });

  it("the queue's worker runs the purge a decision enqueued", async () => {
    const staff = await person("STAFF");
    const boss = await mod.boss.getBoss();
    await mod.purge.registerDocumentPurge(boss, db);
    const { request } = await requestWithDocuments();
    const [document] = await documents(request.id);
    await mod.verify.verifyIdentity({
      actor: staff,
      input: {
        reference: request.reference,
        note: "",
        checks: { subject: true, agent: false, authority: false },
      },
    });
    await expect
      .poll(
        async () =>
          (await db.identityDocument.findUniqueOrThrow({ where: { id: document!.id } })).purgedAt,
        { timeout: 20_000, interval: 250 },
      )
      .not.toBeNull();
    expect(await exists(mod.store.storedFilePath(document!.storageKey!))).toBe(false);
  });
});
