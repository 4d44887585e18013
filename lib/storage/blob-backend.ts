// Where the encrypted blobs live: a folder on the local disk (the default) or an S3-compatible
// bucket, so that several app and worker processes can share them. Backends only ever see
// ciphertext: file-store.ts and stream-store.ts encrypt above this interface.

const STORAGE_KEY = /^[0-9a-f]{32}$/;

/** A key no blob is ever stored under (keys are random), asked for by readiness checks. */
export const READY_PROBE_KEY = "0".repeat(32);

/** Names are server-generated random hex, so a stored key can never point outside its folder. */
export function assertStorageKey(storageKey: string): void {
  if (!STORAGE_KEY.test(storageKey)) throw new Error("invalid storage key");
}

/**
 * The one error both backends give for a stored file that is not there. It carries Node's
 * "ENOENT" code so callers written for the local disk (view-document.ts) keep working.
 */
export class StoredFileNotFoundError extends Error {
  readonly code = "ENOENT";
  constructor() {
    super("ENOENT: stored file not found");
    this.name = "StoredFileNotFoundError";
  }
}

/** Writes a blob piece by piece; nothing is visible under the key before finish(). */
export interface BlobWriter {
  write(chunk: Buffer): Promise<void>;
  /**
   * Puts `header` (exactly the headerBytes reserved at creation) in front of everything written,
   * then makes the blob visible under its key. The header comes last because the file format's
   * GCM tag is only known once all data has been encrypted.
   */
  finish(header: Buffer): Promise<void>;
  /** Discards what was written; safe to call after a failure at any point. */
  abort(): Promise<void>;
}

export interface BlobBackend {
  readonly kind: "fs" | "s3";
  /** Stores a whole blob atomically: a reader sees the old state or the complete blob. */
  put(storageKey: string, bytes: Buffer): Promise<void>;
  createWriter(storageKey: string, options: { headerBytes: number }): Promise<BlobWriter>;
  /** Throws StoredFileNotFoundError when the blob is not there. */
  get(storageKey: string): Promise<Buffer>;
  /** Opens the blob before resolving, so a missing one fails here and not mid-stream. */
  getStream(storageKey: string): Promise<ReadableStream<Uint8Array>>;
  /** Deleting a blob that is already gone is not an error. */
  delete(storageKey: string): Promise<void>;
  exists(storageKey: string): Promise<boolean>;
  /** Throws unless blobs can be stored now (the folder writable, the bucket answering). */
  ready(): Promise<void>;
}

export interface S3Config {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}
