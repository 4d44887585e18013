import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// Envelope encryption for stored files: each file gets a fresh AES-256-GCM data key, and only that
// key wrapped by the master key is kept (in the database row). Rotating the master key then means
// re-wrapping small keys, not re-encrypting files; a leaked file folder alone reveals nothing.
// Both the blob and the wrapped key are bound to the storage key (GCM additional data), so a blob
// or a wrapped key moved onto another record fails to open instead of decrypting someone else's file.

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const FORMAT_VERSION = 1;

export class DecryptionError extends Error {
  constructor() {
    super("stored file failed authentication");
    this.name = "DecryptionError";
  }
}

function encrypt(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function decrypt(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new DecryptionError();
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv);
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    // A wrong key, a flipped bit and a truncated file all look the same to the caller.
    throw new DecryptionError();
  }
}

/** Parses the base64 master key; throws when it is not 32 bytes. */
export function parseMasterKey(base64: string | undefined): Buffer {
  const key = Buffer.from(base64 ?? "", "base64");
  if (key.length !== KEY_BYTES) throw new Error("MASTER_KEY must be 32 bytes in base64");
  return key;
}

/** Encrypts a file under a fresh data key; returns the blob to store and the wrapped key (base64). */
export function sealFile(options: { plaintext: Buffer; masterKey: Buffer; storageKey: string }) {
  const dataKey = randomBytes(KEY_BYTES);
  const blob = Buffer.concat([
    Buffer.from([FORMAT_VERSION]),
    encrypt(dataKey, options.plaintext, `file:${options.storageKey}`),
  ]);
  const wrappedKey = encrypt(options.masterKey, dataKey, `key:${options.storageKey}`);
  dataKey.fill(0);
  return { blob, wrappedKey: wrappedKey.toString("base64") };
}

/** Decrypts a blob; throws DecryptionError when the key, the blob or the binding is wrong. */
export function openFile(options: {
  blob: Buffer;
  wrappedKey: string;
  masterKey: Buffer;
  storageKey: string;
}): Buffer {
  if (options.blob[0] !== FORMAT_VERSION) throw new DecryptionError();
  const dataKey = decrypt(
    options.masterKey,
    Buffer.from(options.wrappedKey, "base64"),
    `key:${options.storageKey}`,
  );
  try {
    return decrypt(dataKey, options.blob.subarray(1), `file:${options.storageKey}`);
  } finally {
    dataKey.fill(0);
  }
}

/**
 * A short secret (a database connection URL) sealed under the master key and bound to `binding`
 * (the record it belongs to), as base64: copied onto another record it fails to open.
 */
export function sealSecret(options: { plaintext: string; masterKey: Buffer; binding: string }) {
  const sealed = encrypt(
    options.masterKey,
    Buffer.from(options.plaintext, "utf8"),
    `secret:${options.binding}`,
  );
  return Buffer.concat([Buffer.from([FORMAT_VERSION]), sealed]).toString("base64");
}

/** Opens a sealed secret; throws DecryptionError when the key, the text or the binding is wrong. */
export function openSecret(options: { sealed: string; masterKey: Buffer; binding: string }) {
  const bytes = Buffer.from(options.sealed, "base64");
  if (bytes[0] !== FORMAT_VERSION) throw new DecryptionError();
  return decrypt(options.masterKey, bytes.subarray(1), `secret:${options.binding}`).toString(
    "utf8",
  );
}
