import { createHash, randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { BACKENDS, setUpBackend, type BackendHarness } from "./test-backends";

async function readAll(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(body).arrayBuffer());
}

describe.each(BACKENDS)("streamed encrypted files (%s backend)", (kind) => {
  let harness: BackendHarness;
  let stream: typeof import("./stream-store");
  let store: typeof import("./file-store");
  let blobs: import("./blob-backend").BlobBackend;

  // The stores read MASTER_KEY, DATA_DIR and S3_* through getEnv(), which parses once: set first.
  beforeAll(async () => {
    harness = await setUpBackend(kind);
    stream = await import("./stream-store");
    store = await import("./file-store");
    blobs = (await import("./current-backend")).getBlobBackend();
  });

  afterAll(async () => {
    await harness.close();
  });

  async function writeChunks(chunks: (string | Buffer)[]) {
    const writer = await stream.createEncryptedFileWriter();
    for (const chunk of chunks) await writer.write(chunk);
    return writer.finish();
  }

  it("writes in pieces a file the whole-file reader and the stream reader both open", async () => {
    const chunks = Array.from({ length: 2000 }, (_, i) => `行${i}: 佐藤 花子 090-1234-5678\n`);
    const plaintext = Buffer.from(chunks.join(""), "utf8");
    const stored = await writeChunks(chunks);
    expect(stored.sizeBytes).toBe(plaintext.length);
    expect(stored.sha256).toBe(createHash("sha256").update(plaintext).digest("hex"));
    expect(await store.readEncryptedFile(stored)).toEqual(plaintext);
    expect(await readAll(await stream.openEncryptedFileStream(stored))).toEqual(plaintext);
    expect((await harness.raw(stored.storageKey)).toString("utf8")).not.toContain("佐藤");
    expect(await harness.contents()).toEqual([stored.storageKey]);
    await store.deleteStoredFile(stored);
  });

  it("stores a file of several S3 parts whole, with nothing left of the upload", async () => {
    // 12 MiB: three 5 MiB parts on S3, the first uploaded last with the tag in its header.
    const plaintext = randomBytes(12 * 1024 * 1024);
    const chunks = Array.from({ length: 192 }, (_, i) =>
      plaintext.subarray(i * 65536, (i + 1) * 65536),
    );
    const stored = await writeChunks(chunks);
    // Buffer.equals: a deep toEqual over 12 MiB takes minutes.
    expect((await readAll(await stream.openEncryptedFileStream(stored))).equals(plaintext)).toBe(
      true,
    );
    expect((await store.readEncryptedFile(stored)).equals(plaintext)).toBe(true);
    const raw = await harness.raw(stored.storageKey);
    expect(raw.length).toBe(1 + 12 + 16 + plaintext.length);
    expect(raw.includes(plaintext.subarray(1000, 1032))).toBe(false);
    expect(await harness.contents()).toEqual([stored.storageKey]);
    await store.deleteStoredFile(stored);
    expect(await harness.contents()).toEqual([]);
  });

  it("streams files stored whole, and an empty file", async () => {
    const whole = await store.storeEncryptedFile({ plaintext: Buffer.from('{"rows":[]}') });
    expect((await readAll(await stream.openEncryptedFileStream(whole))).toString()).toBe(
      '{"rows":[]}',
    );
    const empty = await writeChunks([]);
    expect(empty.sizeBytes).toBe(0);
    expect(await readAll(await stream.openEncryptedFileStream(empty))).toEqual(Buffer.alloc(0));
    await store.deleteStoredFile(whole);
    await store.deleteStoredFile(empty);
  });

  it("makes the stream fail on a tampered file or a wrong checksum", async () => {
    const stored = await writeChunks([randomBytes(300_000)]);
    await expect(
      readAll(await stream.openEncryptedFileStream({ ...stored, sha256: "0".repeat(64) })),
    ).rejects.toThrow(/checksum/);
    const bytes = await harness.raw(stored.storageKey);
    bytes[200_000] = bytes[200_000]! ^ 0xff;
    await blobs.put(stored.storageKey, bytes);
    await expect(readAll(await stream.openEncryptedFileStream(stored))).rejects.toThrow(
      /authentication/,
    );
    await store.deleteStoredFile(stored);
  });

  it("refuses a file moved under another record's key", async () => {
    const a = await writeChunks(["a".repeat(1000)]);
    const b = await writeChunks(["b".repeat(1000)]);
    await blobs.put(b.storageKey, await harness.raw(a.storageKey));
    await expect(readAll(await stream.openEncryptedFileStream(b))).rejects.toThrow();
    await expect(
      stream.openEncryptedFileStream({ storageKey: b.storageKey, wrappedKey: a.wrappedKey }),
    ).rejects.toThrow(/authentication/);
    await store.deleteStoredFile(a);
    await store.deleteStoredFile(b);
  });

  it("fails before streaming when the file is missing, with the not-found error", async () => {
    const { StoredFileNotFoundError } = await import("./blob-backend");
    const missing = { storageKey: randomBytes(16).toString("hex"), wrappedKey: "" };
    await expect(stream.openEncryptedFileStream(missing)).rejects.toBeInstanceOf(
      StoredFileNotFoundError,
    );
  });

  it("leaves nothing behind when a write is aborted, small or past the first parts", async () => {
    const before = await harness.contents();
    const writer = await stream.createEncryptedFileWriter();
    await writer.write("half a package");
    await writer.abort();
    await expect(writer.write("more")).rejects.toThrow(/closed/);
    expect(await harness.contents()).toEqual(before);

    const large = await stream.createEncryptedFileWriter();
    for (let i = 0; i < 12; i++) await large.write(randomBytes(1024 * 1024));
    // On S3 a multipart upload is under way by now; aborting must discard its parts.
    await large.abort();
    expect(await harness.contents()).toEqual(before);
    expect(await store.storedFileExists(large.storageKey)).toBe(false);
  });
});
