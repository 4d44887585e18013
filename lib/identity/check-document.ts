import { createHash } from "node:crypto";

import { detectFileType } from "./file-type";
import { scanPdf } from "./pdf-scan";
import { reencodeImage } from "./reencode-image";
import { MAX_FILE_BYTES, MAX_REQUEST_BYTES, type DocumentRefusal } from "./rules";

// Every rule an uploaded document must pass, by its content. The result is either the bytes to
// store (images re-encoded, PDFs as sent) or one typed reason the person sees translated.

export type CheckedDocument =
  | { ok: true; bytes: Buffer; mimeType: string; sizeBytes: number; sha256: string }
  | { ok: false; reason: DocumentRefusal };

/**
 * Checks one file. `usedBytes` is what the request's documents already take, for the per-request
 * limit. The same function serves any upload under these rules (e.g. message attachments).
 */
export async function checkDocument(options: {
  bytes: Buffer;
  usedBytes?: number;
}): Promise<CheckedDocument> {
  const { bytes } = options;
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: "tooLarge" };

  const type = detectFileType(bytes);
  if (!type) return { ok: false, reason: "unsupportedType" };
  // sharp's prebuilt libvips has no HEVC decoder (patents), so HEIC cannot be re-encoded and its
  // metadata cannot be removed: the person is asked for JPEG or PNG instead.
  if (type === "image/heic") return { ok: false, reason: "heicUnsupported" };

  let stored: Buffer;
  if (type === "application/pdf") {
    const finding = scanPdf(bytes);
    if (finding) return { ok: false, reason: finding };
    stored = bytes;
  } else {
    const reencoded = await reencodeImage(bytes, type);
    if (!reencoded) return { ok: false, reason: "imageUnreadable" };
    stored = reencoded;
  }

  if (stored.length > MAX_FILE_BYTES) return { ok: false, reason: "tooLarge" };
  if ((options.usedBytes ?? 0) + stored.length > MAX_REQUEST_BYTES)
    return { ok: false, reason: "requestLimit" };
  return {
    ok: true,
    bytes: stored,
    mimeType: type,
    sizeBytes: stored.length,
    sha256: createHash("sha256").update(stored).digest("hex"),
  };
}
