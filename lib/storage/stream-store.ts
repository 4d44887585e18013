import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  type DecipherGCM,
} from "node:crypto";

import { getEnv } from "@/lib/env";

import { getBlobBackend } from "./current-backend";
import { DecryptionError, parseMasterKey } from "./envelope";
import type { StoredFile } from "./file-store";

// Streaming counterpart of file-store.ts for files too large to hold in memory (disclosure
// packages of 100,000 items), through the same blob backend (local folder or S3; see
// s3-writer.ts for how S3 keeps memory bounded). The stored format is the SAME as sealFile's, so readEncryptedFile
// opens these files and openEncryptedFileStream opens files stored either way:
//   [version 1][iv 12][GCM tag 16][ciphertext], AAD "file:<storageKey>",
// and the data key is wrapped by MASTER_KEY as iv|tag|ciphertext with AAD "key:<storageKey>".
// The tag is only known at the end, so the header is handed to the backend writer last.

const ALGORITHM = "aes-256-gcm";
const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
// Ciphertext is written in chunks of about this size: few system calls, little memory.
const FLUSH_BYTES = 256 * 1024;

const masterKey = () => parseMasterKey(getEnv().MASTER_KEY);

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
  /** Seals the file (tag, flush, atomic rename or upload) and returns what the row keeps. */
  finish(): Promise<StreamedFile>;
  /** Removes the half-written file; safe to call after a failure at any point. */
  abort(): Promise<void>;
}

/**
 * Opens a new encrypted file for writing piece by piece. Nothing appears under the real name
 * until finish() has written the tag and the backend has stored the file whole.
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

  const blob = await getBlobBackend().createWriter(storageKey, { headerBytes: HEADER_BYTES });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let sizeBytes = 0;
  let done = false;

  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await blob.write(data);
  };

  const abort = async () => {
    done = true;
    pending = [];
    await blob.abort();
  };

  return {
    storageKey,
    async write(chunk) {
      if (done) throw new Error("encrypted file writer is closed");
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
      if (done) throw new Error("encrypted file writer is closed");
      try {
        const last = cipher.final();
        pending.push(last);
        pendingBytes += last.length;
        await flush();
        done = true;
        await blob.finish(Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, cipher.getAuthTag()]));
      } catch (error) {
        await abort();
        throw error;
      }
      return { storageKey, wrappedKey, sha256: hash.digest("hex"), sizeBytes };
    },
    abort,
  };
}

/** Reads the first `size` bytes of a stream; returns them and whatever came past them. */
async function readHeader(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  size: number,
): Promise<{ header: Buffer; rest: Buffer }> {
  const chunks: Buffer[] = [];
  let length = 0;
  while (length < size) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    length += value.byteLength;
  }
  const all = Buffer.concat(chunks, length);
  if (all.length < size) throw new DecryptionError();
  return { header: all.subarray(0, size), rest: all.subarray(size) };
}

function openDecipher(header: Buffer, options: StoredFile): DecipherGCM {
  if (header[0] !== FORMAT_VERSION) throw new DecryptionError();
  const dataKey = unwrapKey(options.wrappedKey, options.storageKey);
  let decipher: DecipherGCM;
  try {
    decipher = createDecipheriv(ALGORITHM, dataKey, header.subarray(1, 1 + IV_BYTES));
  } finally {
    dataKey.fill(0);
  }
  decipher.setAAD(Buffer.from(`file:${options.storageKey}`, "utf8"));
  decipher.setAuthTag(header.subarray(1 + IV_BYTES, HEADER_BYTES));
  return decipher;
}

/**
 * A stored file (from either store) decrypted as a stream, so a large package is never held in
 * memory whole. The file is opened and its key unwrapped before this resolves, so a missing file
 * or a wrong key fails here, not halfway through a response. GCM verifies the tag only at the end:
 * a tampered file makes the stream fail there (the reader gets an error, never a silently altered
 * end), and so does a plaintext whose SHA-256 differs from `sha256` when given.
 */
export async function openEncryptedFileStream(
  options: StoredFile & { sha256?: string | null },
): Promise<ReadableStream<Uint8Array>> {
  const source = (await getBlobBackend().getStream(options.storageKey)).getReader();
  const close = () => source.cancel().catch(() => undefined);
  let decipher: DecipherGCM;
  let rest: Buffer;
  try {
    const start = await readHeader(source, HEADER_BYTES);
    decipher = openDecipher(start.header, options);
    rest = start.rest;
  } catch (error) {
    await close();
    throw error;
  }
  const hash = createHash("sha256");
  const emit = (controller: ReadableStreamDefaultController<Uint8Array>, sealed: Buffer) => {
    const plain = decipher.update(sealed);
    hash.update(plain);
    if (plain.length > 0) controller.enqueue(new Uint8Array(plain));
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (rest.length > 0) emit(controller, rest);
    },
    async pull(controller) {
      try {
        const { done, value } = await source.read();
        if (!done) {
          emit(controller, Buffer.from(value.buffer, value.byteOffset, value.byteLength));
          return;
        }
        let last: Buffer;
        try {
          last = decipher.final();
        } catch {
          throw new DecryptionError();
        }
        hash.update(last);
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
