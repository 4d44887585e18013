import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DecryptionError, openFile, parseMasterKey, sealFile } from "./envelope";
import { BACKENDS, setUpBackend, type BackendHarness } from "./test-backends";

const plaintext = Buffer.from("運転免許証 SATO HANAKO 1990-01-01 ".repeat(50), "utf8");

describe.each(BACKENDS)("encrypted file store (%s backend)", (kind) => {
  let harness: BackendHarness;
  let store: typeof import("./file-store");
  let backend: typeof import("./blob-backend");
  let envelope: typeof import("./envelope");

  // The store reads MASTER_KEY, DATA_DIR and S3_* through getEnv(), which parses once: set first.
  beforeAll(async () => {
    harness = await setUpBackend(kind);
    store = await import("./file-store");
    backend = await import("./blob-backend");
    envelope = await import("./envelope");
  });

  afterAll(async () => {
    await harness.close();
  });

  it("round-trips a file and keeps no plaintext in storage", async () => {
    const stored = await store.storeEncryptedFile({ plaintext });
    expect(stored.storageKey).toMatch(/^[0-9a-f]{32}$/);
    expect(await store.readEncryptedFile(stored)).toEqual(plaintext);
    const raw = await harness.raw(stored.storageKey);
    expect(raw).toEqual(await store.readStoredBlob(stored.storageKey));
    expect(raw.includes(plaintext.subarray(0, 16))).toBe(false);
    expect(raw.toString("latin1")).not.toContain("HANAKO");
    expect(raw.toString("utf8")).not.toContain("運転免許証");
    // Only the final file is left: no temporary name, no unfinished upload, nothing local for S3.
    expect(await harness.contents()).toEqual([stored.storageKey]);
    await store.deleteStoredFile(stored);
  });

  it("refuses a tampered file", async () => {
    const stored = await store.storeEncryptedFile({ plaintext });
    const bytes = await harness.raw(stored.storageKey);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x01;
    const { getBlobBackend } = await import("./current-backend");
    await getBlobBackend().put(stored.storageKey, bytes);
    await expect(store.readEncryptedFile(stored)).rejects.toBeInstanceOf(envelope.DecryptionError);
    await store.deleteStoredFile(stored);
  });

  it("deletes files for real, and deleting twice is harmless", async () => {
    const stored = await store.storeEncryptedFile({ plaintext });
    expect(await store.storedFileExists(stored.storageKey)).toBe(true);
    await store.deleteStoredFile(stored);
    await store.deleteStoredFile(stored);
    expect(await store.storedFileExists(stored.storageKey)).toBe(false);
    await expect(harness.raw(stored.storageKey)).rejects.toThrow();
    expect(await harness.contents()).not.toContain(stored.storageKey);
  });

  it("gives the same not-found error for a missing file, with Node's ENOENT code", async () => {
    const missing = { storageKey: randomBytes(16).toString("hex"), wrappedKey: "" };
    const error: unknown = await store.readEncryptedFile(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(backend.StoredFileNotFoundError);
    expect(error).toMatchObject({ code: "ENOENT" });
  });

  it("never resolves a storage key outside its folder", async () => {
    await expect(
      store.readEncryptedFile({ storageKey: "../../etc/passwd", wrappedKey: "" }),
    ).rejects.toThrow("invalid storage key");
    await expect(store.deleteStoredFile({ storageKey: "a/../b" })).rejects.toThrow(
      "invalid storage key",
    );
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
