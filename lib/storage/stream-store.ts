import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  type DecipherGCM,
} from "node:crypto";
import { mkdir, open, rename, rm, type FileHandle } from "node:fs/promises";
import path from "node:path";

import { getEnv } from "@/lib/env";

import { DecryptionError, parseMasterKey } from "./envelope";
import type { StoredFile } from "./file-store";

// Streaming counterpart of file-store.ts for files too large to hold in memory (disclosure
// packages of 100,000 items). The on-disk format is the SAME as sealFile's, so readEncryptedFile
// opens these files and openEncryptedFileStream opens files stored either way:
//   [version 1][iv 12][GCM tag 16][ciphertext], AAD "file:<storageKey>",
// and the data key is wrapped by MASTER_KEY as iv|tag|ciphertext with AAD "key:<storageKey>".
// The tag is only known at the end, so the writer reserves its place and fills it in last.

const ALGORITHM = "aes-256-gcm";
const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
const STORAGE_KEY = /^[0-9a-f]{32}$/;
// Ciphertext is written in chunks of about this size: few system calls, little memory.
const FLUSH_BYTES = 256 * 1024;

const filesDir = () => path.resolve(getEnv().DATA_DIR, "files");
const masterKey = () => parseMasterKey(getEnv().MASTER_KEY);

function pathOf(storageKey: string): string {
  if (!STORAGE_KEY.test(storageKey)) throw new Error("invalid storage key");
  return path.join(filesDir(), `${storageKey}.bin`);
}

function wrapKey(dataKey: Buffer, storageKey: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, masterKey(), iv);
  cipher.setAAD(Buffer.from(`key:${storageKey}`, "utf8"));
  const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

function unwrapKey(wrappedKey: string, storageKey: string): Buffer {
  const sealed = Buffer.from(wrappedKey, "base64");
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new DecryptionError();
  try {
    const decipher = createDecipheriv(ALGORITHM, masterKey(), sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(`key:${storageKey}`, "utf8"));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new DecryptionError();
  }
}

export interface StreamedFile extends StoredFile {
  /** SHA-256 of the plaintext, hex. */
  sha256: string;
  /** Plaintext bytes. */
  sizeBytes: number;
}

export interface EncryptedFileWriter {
  readonly storageKey: string;
  write(chunk: Buffer | string): Promise<void>;
  /** Seals the file (tag, flush, atomic rename) and returns what the database row keeps. */
  finish(): Promise<StreamedFile>;
  /** Removes the half-written file; safe to call after a failure at any point. */
  abort(): Promise<void>;
}

/**
 * Opens a new encrypted file for writing piece by piece. Nothing appears under the real name
 * until finish() has written the tag and flushed the file to disk.
 */
export async function createEncryptedFileWriter(): Promise<EncryptedFileWriter> {
  const storageKey = randomBytes(16).toString("hex");
  const dataKey = randomBytes(32);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, dataKey, iv);
  cipher.setAAD(Buffer.from(`file:${storageKey}`, "utf8"));
  const wrappedKey = wrapKey(dataKey, storageKey);
  dataKey.fill(0);
  const hash = createHash("sha256");

  await mkdir(filesDir(), { recursive: true, mode: 0o700 });
  const temp = path.join(filesDir(), `.tmp-${randomBytes(8).toString("hex")}`);
  let handle: FileHandle | undefined = await open(temp, "wx", 0o600);
  // The tag's place is reserved now and written at finish().
  await handle.write(Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, Buffer.alloc(TAG_BYTES)]));
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let sizeBytes = 0;
  let done = false;

  const flush = async () => {
    if (pendingBytes === 0 || !handle) return;
    const data = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await handle.write(data);
  };

  const abort = async () => {
    done = true;
    pending = [];
    await handle?.close().catch(() => undefined);
    handle = undefined;
    await rm(temp, { force: true });
  };

  return {
    storageKey,
    async write(chunk) {
      if (done || !handle) throw new Error("encrypted file writer is closed");
      const plain = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      if (plain.length === 0) return;
      hash.update(plain);
      sizeBytes += plain.length;
      const sealed = cipher.update(plain);
      pending.push(sealed);
      pendingBytes += sealed.length;
      if (pendingBytes >= FLUSH_BYTES) await flush();
    },
    async finish() {
      if (done || !handle) throw new Error("encrypted file writer is closed");
      try {
        const last = cipher.final();
        pending.push(last);
        pendingBytes += last.length;
        await flush();
        await handle.write(cipher.getAuthTag(), 0, TAG_BYTES, 1 + IV_BYTES);
        await handle.sync();
        await handle.close();
        handle = undefined;
        done = true;
        await rename(temp, pathOf(storageKey));
      } catch (error) {
        await abort();
        throw error;
      }
      return { storageKey, wrappedKey, sha256: hash.digest("hex"), sizeBytes };
    },
    abort,
  };
}

/**
 * A stored file (from either store) decrypted as a stream, in chunks of about 64 KiB, so a large
 * package is never held in memory whole. The file is opened and its key unwrapped before this
 * resolves, so a missing file or a wrong key fails here, not halfway through a response. GCM
 * verifies the tag only at the end: a tampered file makes the stream fail there (the reader gets
 * an error, never a silently altered end), and so does a plaintext whose SHA-256 differs from
 * `sha256` when given.
 */
export async function openEncryptedFileStream(
  options: StoredFile & { sha256?: string | null },
): Promise<ReadableStream<Uint8Array>> {
  const { storageKey, wrappedKey } = options;
  let handle: FileHandle | undefined = await open(pathOf(storageKey), "r");
  const close = async () => {
    await handle?.close().catch(() => undefined);
    handle = undefined;
  };
  let decipher: DecipherGCM;
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(header, 0, HEADER_BYTES, 0);
    if (bytesRead < HEADER_BYTES || header[0] !== FORMAT_VERSION) throw new DecryptionError();
    const dataKey = unwrapKey(wrappedKey, storageKey);
    try {
      decipher = createDecipheriv(ALGORITHM, dataKey, header.subarray(1, 1 + IV_BYTES));
    } finally {
      dataKey.fill(0);
    }
    decipher.setAAD(Buffer.from(`file:${storageKey}`, "utf8"));
    decipher.setAuthTag(header.subarray(1 + IV_BYTES, HEADER_BYTES));
  } catch (error) {
    await close();
    throw error;
  }
  const hash = createHash("sha256");
  let position = HEADER_BYTES;
  const buffer = Buffer.alloc(64 * 1024);

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!handle) return;
      try {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        if (bytesRead > 0) {
          position += bytesRead;
          const plain = decipher.update(buffer.subarray(0, bytesRead));
          hash.update(plain);
          if (plain.length > 0) controller.enqueue(new Uint8Array(plain));
          return;
        }
        let last: Buffer;
        try {
          last = decipher.final();
        } catch {
          throw new DecryptionError();
        }
        hash.update(last);
        await close();
        if (options.sha256 && hash.digest("hex") !== options.sha256)
          throw new Error("stored file checksum mismatch");
        if (last.length > 0) controller.enqueue(new Uint8Array(last));
        controller.close();
      } catch (error) {
        await close();
        controller.error(error);
      }
    },
    async cancel() {
      await close();
    },
  });
}
