import { createHash, randomBytes } from "node:crypto";
import { copyFile, mkdtemp, open, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The store reads MASTER_KEY and DATA_DIR through getEnv(), which parses once: set both first.
let dataDir: string;
let stream: typeof import("./stream-store");
let store: typeof import("./file-store");

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "stream-store-"));
  process.env.DATA_DIR = dataDir;
  process.env.MASTER_KEY = randomBytes(32).toString("base64");
  stream = await import("./stream-store");
  store = await import("./file-store");
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function readAll(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(body).arrayBuffer());
}

async function writeChunks(chunks: (string | Buffer)[]) {
  const writer = await stream.createEncryptedFileWriter();
  for (const chunk of chunks) await writer.write(chunk);
  return writer.finish();
}

describe("streamed encrypted files", () => {
  it("writes in pieces a file the whole-file reader and the stream reader both open", async () => {
    const chunks = Array.from({ length: 2000 }, (_, i) => `行${i}: 佐藤 花子 090-1234-5678\n`);
    const plaintext = Buffer.from(chunks.join(""), "utf8");
    const stored = await writeChunks(chunks);
    expect(stored.sizeBytes).toBe(plaintext.length);
    expect(stored.sha256).toBe(createHash("sha256").update(plaintext).digest("hex"));
    expect(await store.readEncryptedFile(stored)).toEqual(plaintext);
    expect(await readAll(await stream.openEncryptedFileStream(stored))).toEqual(plaintext);
    const onDisk = await readFile(store.storedFilePath(stored.storageKey));
    expect(onDisk.toString("utf8")).not.toContain("佐藤");
    expect(await readdir(path.join(dataDir, "files"))).toEqual([`${stored.storageKey}.bin`]);
    await store.deleteStoredFile(stored);
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
    const file = store.storedFilePath(stored.storageKey);
    await expect(
      readAll(await stream.openEncryptedFileStream({ ...stored, sha256: "0".repeat(64) })),
    ).rejects.toThrow(/checksum/);
    const handle = await open(file, "r+");
    await handle.write(Buffer.from([0xff]), 0, 1, 200_000);
    await handle.close();
    await expect(readAll(await stream.openEncryptedFileStream(stored))).rejects.toThrow(
      /authentication/,
    );
    await store.deleteStoredFile(stored);
  });

  it("refuses a file moved under another record's key", async () => {
    const a = await writeChunks(["a".repeat(1000)]);
    const b = await writeChunks(["b".repeat(1000)]);
    await copyFile(store.storedFilePath(a.storageKey), store.storedFilePath(b.storageKey));
    await expect(readAll(await stream.openEncryptedFileStream(b))).rejects.toThrow();
    await expect(
      stream.openEncryptedFileStream({ storageKey: b.storageKey, wrappedKey: a.wrappedKey }),
    ).rejects.toThrow(/authentication/);
    await store.deleteStoredFile(a);
    await store.deleteStoredFile(b);
  });

  it("leaves nothing behind when a write is aborted", async () => {
    const before = await readdir(path.join(dataDir, "files"));
    const writer = await stream.createEncryptedFileWriter();
    await writer.write("half a package");
    await writer.abort();
    await expect(writer.write("more")).rejects.toThrow(/closed/);
    expect(await readdir(path.join(dataDir, "files"))).toEqual(before);
  });
});
