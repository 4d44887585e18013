import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DecryptionError, openFile, parseMasterKey, sealFile } from "./envelope";

// The store reads MASTER_KEY and DATA_DIR through getEnv(), which parses once: set both first.
let dataDir: string;
let store: typeof import("./file-store");
const plaintext = Buffer.from("運転免許証 SATO HANAKO 1990-01-01 ".repeat(50), "utf8");

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "file-store-"));
  process.env.DATA_DIR = dataDir;
  process.env.MASTER_KEY = randomBytes(32).toString("base64");
  store = await import("./file-store");
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("encrypted file store", () => {
  it("round-trips a file and keeps no plaintext on disk", async () => {
    const stored = await store.storeEncryptedFile({ plaintext });
    expect(stored.storageKey).toMatch(/^[0-9a-f]{32}$/);
    expect(await store.readEncryptedFile(stored)).toEqual(plaintext);
    const onDisk = await readFile(store.storedFilePath(stored.storageKey));
    expect(onDisk.includes(plaintext.subarray(0, 16))).toBe(false);
    expect(onDisk.toString("latin1")).not.toContain("HANAKO");
    // Only the final file is left: the temporary name was renamed, not copied.
    expect(await readdir(path.join(dataDir, "files"))).toEqual([`${stored.storageKey}.bin`]);
    await store.deleteStoredFile(stored);
  });

  it("refuses a tampered file", async () => {
    const stored = await store.storeEncryptedFile({ plaintext });
    const file = store.storedFilePath(stored.storageKey);
    const bytes = await readFile(file);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x01;
    await writeFile(file, bytes);
    await expect(store.readEncryptedFile(stored)).rejects.toBeInstanceOf(DecryptionError);
    await store.deleteStoredFile(stored);
  });

  it("deletes files, and deleting twice is harmless", async () => {
    const stored = await store.storeEncryptedFile({ plaintext });
    await store.deleteStoredFile(stored);
    await store.deleteStoredFile(stored);
    await expect(store.readEncryptedFile(stored)).rejects.toThrow();
  });

  it("never resolves a storage key outside its folder", async () => {
    await expect(
      store.readEncryptedFile({ storageKey: "../../etc/passwd", wrappedKey: "" }),
    ).rejects.toThrow("invalid storage key");
  });
});

describe("envelope", () => {
  const masterKey = randomBytes(32);
  const sealed = sealFile({ plaintext, masterKey, storageKey: "a".repeat(32) });

  it("fails with the wrong master key", () => {
    expect(() =>
      openFile({ ...sealed, masterKey: randomBytes(32), storageKey: "a".repeat(32) }),
    ).toThrow(DecryptionError);
  });

  it("fails when a blob is moved onto another storage key", () => {
    expect(() => openFile({ ...sealed, masterKey, storageKey: "b".repeat(32) })).toThrow(
      DecryptionError,
    );
  });

  it("uses a fresh data key per file", () => {
    const again = sealFile({ plaintext, masterKey, storageKey: "a".repeat(32) });
    expect(again.wrappedKey).not.toBe(sealed.wrappedKey);
    expect(again.blob.equals(sealed.blob)).toBe(false);
  });

  it("accepts only a 32-byte master key", () => {
    expect(() => parseMasterKey(undefined)).toThrow();
    expect(() => parseMasterKey(randomBytes(16).toString("base64"))).toThrow();
  });
});
