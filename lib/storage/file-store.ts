import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";

import { getEnv } from "@/lib/env";

import { openFile, parseMasterKey, sealFile } from "./envelope";

// Encrypted files under DATA_DIR/files, never under public/: nothing here is reachable by URL.
// Names are server-generated random hex, so a person's file name never reaches the disk and a
// stored key can never point outside the folder.

const STORAGE_KEY = /^[0-9a-f]{32}$/;

export interface StoredFile {
  storageKey: string;
  wrappedKey: string;
}

function filesDir(): string {
  return path.resolve(getEnv().DATA_DIR, "files");
}

function pathOf(storageKey: string): string {
  if (!STORAGE_KEY.test(storageKey)) throw new Error("invalid storage key");
  return path.join(filesDir(), `${storageKey}.bin`);
}

const masterKey = () => parseMasterKey(getEnv().MASTER_KEY);

/**
 * Encrypts and stores a file. It is written to a temporary name, flushed and then renamed, so a
 * crash or a failure mid-write never leaves a half-stored file under a real name.
 */
export async function storeEncryptedFile(options: { plaintext: Buffer }): Promise<StoredFile> {
  const storageKey = randomBytes(16).toString("hex");
  const { blob, wrappedKey } = sealFile({
    plaintext: options.plaintext,
    masterKey: masterKey(),
    storageKey,
  });
  await mkdir(filesDir(), { recursive: true, mode: 0o700 });
  const target = pathOf(storageKey);
  const temp = path.join(filesDir(), `.tmp-${randomBytes(8).toString("hex")}`);
  try {
    const handle = await open(temp, "wx", 0o600);
    try {
      await handle.writeFile(blob);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return { storageKey, wrappedKey };
}

/** Reads and decrypts a stored file; throws DecryptionError when it was tampered with. */
export async function readEncryptedFile(options: StoredFile): Promise<Buffer> {
  const blob = await readFile(pathOf(options.storageKey));
  return openFile({ blob, ...options, masterKey: masterKey() });
}

/** Deletes a stored file; deleting one that is already gone is not an error. */
export async function deleteStoredFile(options: { storageKey: string }): Promise<void> {
  await rm(pathOf(options.storageKey), { force: true });
}

/** The on-disk path of a stored file, for tests and purge checks only. */
export function storedFilePath(storageKey: string): string {
  return pathOf(storageKey);
}
