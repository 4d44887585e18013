import { randomBytes } from "node:crypto";

import { getEnv } from "@/lib/env";

import { getBlobBackend } from "./current-backend";
import { openFile, parseMasterKey, sealFile } from "./envelope";
import { fsPathOf } from "./fs-backend";

// Encrypted files (identity documents, message and task attachments) in the configured blob
// backend: DATA_DIR/files by default, an S3-compatible bucket when S3_* is set. Encryption happens
// here, above the backend, so the backend only ever holds ciphertext. Names are server-generated
// random hex, so a person's file name never reaches storage and a stored key can never point
// outside its folder.

export interface StoredFile {
  storageKey: string;
  wrappedKey: string;
}

const masterKey = () => parseMasterKey(getEnv().MASTER_KEY);

/**
 * Encrypts and stores a file. The backend stores it atomically (temporary file then rename, or
 * one S3 PutObject), so a crash or a failure mid-write never leaves a half-stored file under a
 * real name.
 */
export async function storeEncryptedFile(options: { plaintext: Buffer }): Promise<StoredFile> {
  const storageKey = randomBytes(16).toString("hex");
  const { blob, wrappedKey } = sealFile({
    plaintext: options.plaintext,
    masterKey: masterKey(),
    storageKey,
  });
  await getBlobBackend().put(storageKey, blob);
  return { storageKey, wrappedKey };
}

/**
 * Reads and decrypts a stored file; throws DecryptionError when it was tampered with and
 * StoredFileNotFoundError (code "ENOENT") when it is gone.
 */
export async function readEncryptedFile(options: StoredFile): Promise<Buffer> {
  const blob = await getBlobBackend().get(options.storageKey);
  return openFile({ blob, ...options, masterKey: masterKey() });
}

/** Deletes a stored file; deleting one that is already gone is not an error. */
export async function deleteStoredFile(options: { storageKey: string }): Promise<void> {
  await getBlobBackend().delete(options.storageKey);
}

/** Whether a stored file is still there, whichever the backend: for tests and purge checks. */
export async function storedFileExists(storageKey: string): Promise<boolean> {
  return getBlobBackend().exists(storageKey);
}

/** The stored ciphertext as the backend holds it: for tests that check no plaintext is kept. */
export async function readStoredBlob(storageKey: string): Promise<Buffer> {
  return getBlobBackend().get(storageKey);
}

/** The on-disk path of a stored file with the local-folder backend, for tests only. */
export function storedFilePath(storageKey: string): string {
  return fsPathOf(getEnv().DATA_DIR, storageKey);
}
