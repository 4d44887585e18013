import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { DocumentKind, RequestStatus } from "@/lib/generated/prisma/enums";
import { MAX_REQUEST_BYTES, MAX_REQUEST_DOCUMENTS } from "@/lib/identity/rules";
import { fakeJpeg, hasGpsIfd, jpegWithGps, pdfWithJavaScript } from "@/lib/identity/test-fixtures";
import { withCheckDigit } from "@/lib/identity/my-number";
import { cardImage } from "@/scripts/lib/my-number-images";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: uploads through the data layer against real PostgreSQL and a real file folder.

let testDb: { url: string; drop: () => Promise<void> };
let dataDir: string;
let db: Db;
let upload: typeof import("./upload-document").uploadIdentityDocument;
let list: typeof import("./list-documents").listDocuments;
let store: typeof import("@/lib/storage/file-store");

const files = async () => readdir(path.join(dataDir, "files")).catch(() => [] as string[]);

async function subjectWithRequest(status: RequestStatus = "SUBMITTED") {
  const user = await db.user.create({ data: { email: `${randomUUID()}@test.example.jp` } });
  const subject = await db.subject.create({
    data: { userId: user.id, familyName: "試験", givenName: "花子" },
  });
  const request = await db.request.create({
    data: {
      reference: `R-2099-${randomBytes(3).toString("hex")}`,
      type: "DISCLOSURE",
      status,
      subjectId: subject.id,
      filedById: user.id,
      dueAt: new Date(Date.now() + 864e6),
    },
  });
  const actor: Actor = {
    userId: user.id,
    role: "SUBJECT",
    email: user.email,
    ip: null,
    passkeyAt: new Date(),
  };
  return { actor, request };
}

const send = (actor: Actor, reference: string, bytes: Buffer, kind: DocumentKind = "PASSPORT") =>
  upload({ actor, reference, kind, owner: "SUBJECT", bytes });

beforeAll(async () => {
  testDb = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), "upload-document-"));
  process.env.DATABASE_URL = testDb.url;
  process.env.DATA_DIR = dataDir;
  // This suite looks at the files on disk: the filesystem backend, whatever S3_* the shell has.
  for (const name of Object.keys(process.env)) if (name.startsWith("S3_")) delete process.env[name];
  process.env.MASTER_KEY = randomBytes(32).toString("base64");
  db = (await import("@/lib/db")).getDb();
  upload = (await import("./upload-document")).uploadIdentityDocument;
  list = (await import("./list-documents")).listDocuments;
  store = await import("@/lib/storage/file-store");
});

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("uploading an identity document", () => {
  it("stores the re-encoded file encrypted, with its row and an audit event", async () => {
    const { actor, request } = await subjectWithRequest();
    const result = await send(actor, request.reference, await jpegWithGps());
    if (!result.ok) throw new Error(result.error);

    const row = await db.identityDocument.findUniqueOrThrow({ where: { id: result.document.id } });
    const facts = { kind: "PASSPORT", owner: "SUBJECT", mimeType: "image/jpeg" };
    expect(row).toMatchObject({ requestId: request.id, ...facts });
    expect(result.document).toEqual({ id: row.id, kind: "PASSPORT", sizeBytes: row.sizeBytes });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: row.id } });
    const by = { action: "identity.document.upload", actorId: actor.userId };
    expect(audit).toMatchObject({ ...by, requestId: request.id });
    expect(audit.data).toEqual({ ...facts, sizeBytes: row.sizeBytes });

    const stored = { storageKey: row.storageKey!, wrappedKey: row.wrappedKey! };
    const onDisk = await readFile(store.storedFilePath(stored.storageKey));
    const plain = await store.readEncryptedFile(stored);
    expect(plain.length).toBe(row.sizeBytes);
    expect(onDisk.includes(plain.subarray(0, 64))).toBe(false);
    expect(onDisk.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    expect(hasGpsIfd((await sharp(plain).metadata()).exif)).toBe(false);

    expect(await list({ actor, reference: request.reference })).toEqual([
      expect.objectContaining({ id: row.id, kind: "PASSPORT", sizeBytes: row.sizeBytes }),
    ]);
  });

  it("stores nothing for a refused file", async () => {
    const { actor, request } = await subjectWithRequest("AWAITING_IDENTITY");
    const before = await files();
    expect(await send(actor, request.reference, fakeJpeg())).toMatchObject({
      code: "REFUSED",
      error: "identity.errors.unsupportedType",
    });
    expect(await send(actor, request.reference, pdfWithJavaScript())).toMatchObject({
      code: "REFUSED",
      error: "identity.errors.pdfScript",
    });
    expect(await db.identityDocument.count({ where: { requestId: request.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { requestId: request.id } })).toBe(0);
    expect(await files()).toEqual(before);
  });

  it("destroys a document showing a My Number at once: only its hash and the decision kept", async () => {
    const { actor, request } = await subjectWithRequest("AWAITING_IDENTITY");
    const before = await files();
    const image = await cardImage({
      number: withCheckDigit("55512345678"),
      font: "Noto Sans CJK JP",
      size: 48,
      angle: 0,
      grouped: true,
    });
    expect(await send(actor, request.reference, image, "MY_NUMBER_CARD_FRONT")).toMatchObject({
      ok: false,
      code: "REFUSED",
      error: "identity.errors.myNumber",
    });
    expect(await files()).toEqual(before);
    const row = await db.identityDocument.findFirstOrThrow({ where: { requestId: request.id } });
    expect(row).toMatchObject({ storageKey: null, wrappedKey: null, purgeNote: "MY_NUMBER" });
    expect(row.purgedAt).not.toBeNull();
    expect(row.myNumberFlaggedAt).not.toBeNull();
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: row.id } });
    expect(audit).toMatchObject({ action: "identity.document.my-number-destroyed" });
    expect(audit.data).toEqual({
      kind: "MY_NUMBER_CARD_FRONT",
      owner: "SUBJECT",
      mimeType: "image/jpeg",
      read: "ocr",
    });
    // The request still waits for a document: nothing was added that staff could review.
    expect((await db.request.findUniqueOrThrow({ where: { id: request.id } })).status).toBe(
      "AWAITING_IDENTITY",
    );
  }, 60_000);

  it("keeps the request's total even when two uploads race", async () => {
    const { actor, request } = await subjectWithRequest();
    const bytes = await jpegWithGps();
    const size = (await sharp(bytes).rotate().jpeg({ quality: 90, mozjpeg: true }).toBuffer())
      .length;
    // Room for one more file, not two.
    const sizeBytes = MAX_REQUEST_BYTES - Math.floor(size * 1.5);
    const data = { requestId: request.id, kind: "NON_PHOTO" as const, mimeType: "x", sha256: "0" };
    await db.identityDocument.create({ data: { ...data, sizeBytes } });
    const before = (await files()).length;
    const results = await Promise.all([1, 2].map(() => send(actor, request.reference, bytes)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: "identity.errors.requestLimit" });
    expect((await files()).length).toBe(before + 1);
  });

  it("refuses a file past the number of documents per request", async () => {
    const { actor, request } = await subjectWithRequest();
    const row = { requestId: request.id, kind: "NON_PHOTO" as const, mimeType: "x", sha256: "0" };
    await db.identityDocument.createMany({
      data: Array.from({ length: MAX_REQUEST_DOCUMENTS }, () => ({ ...row, sizeBytes: 1 })),
    });
    expect(await send(actor, request.reference, await jpegWithGps())).toMatchObject({
      error: "identity.errors.tooMany",
    });
  });

  it("deletes the stored file when the database write fails", async () => {
    const { actor, request } = await subjectWithRequest();
    const before = await files();
    const bogus = "NOT_A_KIND" as DocumentKind;
    await expect(send(actor, request.reference, await jpegWithGps(), bogus)).rejects.toThrow();
    expect(await files()).toEqual(before);
  });

  it("answers not found for another subject's request; refuses staff and decided requests", async () => {
    const mine = await subjectWithRequest();
    const theirs = await subjectWithRequest();
    const decided = await subjectWithRequest("IN_PROGRESS");
    const bytes = await jpegWithGps();
    expect(await send(mine.actor, theirs.request.reference, bytes)).toMatchObject({
      code: "NOT_FOUND",
      error: "errors.notFound",
    });
    expect(await send(mine.actor, "R-0000-000000", bytes)).toMatchObject({ code: "NOT_FOUND" });
    const staff: Actor = { ...mine.actor, role: "STAFF" };
    expect(await send(staff, mine.request.reference, bytes)).toMatchObject({ code: "FORBIDDEN" });
    expect(await send(decided.actor, decided.request.reference, bytes)).toMatchObject({
      code: "CLOSED",
      error: "identity.errors.closed",
    });
    expect(await list({ actor: mine.actor, reference: theirs.request.reference })).toEqual([]);
    expect(await db.identityDocument.count({ where: { requestId: theirs.request.id } })).toBe(0);
  });
});
