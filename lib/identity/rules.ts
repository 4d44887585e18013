import { DocumentKind, DocumentOwner, RequestStatus } from "@/lib/generated/prisma/enums";
import type { MessageKey } from "@/lib/i18n/translate";

// The upload rules shared by the server checks and the upload form. Plain TypeScript with no Node
// imports, so the client form can use the same limits and keys. The error texts in the catalogue
// (sections/identity.ts) state these limits in words: change both together.

/** Per file, as received and as stored after re-encoding. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** All documents of one request together: enough for two sides of two IDs plus proof of authority. */
export const MAX_REQUEST_BYTES = 30 * 1024 * 1024;
/** Documents per request: bounds the rows a script could add with many tiny files. */
export const MAX_REQUEST_DOCUMENTS = 20;

/** Types accepted by content (magic bytes); the browser's `accept` hint uses the same list. */
export const ACCEPTED_MIME_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"];

/**
 * Documents may be added only while identity is still undecided: once staff decide, the files are
 * destroyed (DOMAIN.md: minimise), so a late upload would only create data nobody needs.
 */
export const UPLOAD_STATUSES = [
  RequestStatus.SUBMITTED,
  RequestStatus.AWAITING_IDENTITY,
  RequestStatus.IDENTITY_REVIEW,
  // Staff may ask for a clearer or a missing document (askForInfo); the answer can be a file.
  RequestStatus.NEEDS_INFO,
] as const;

export function acceptsUploads(status: RequestStatus): boolean {
  return (UPLOAD_STATUSES as readonly RequestStatus[]).includes(status);
}

export const DOCUMENT_KINDS = Object.values(DocumentKind);
export const DOCUMENT_OWNERS = Object.values(DocumentOwner);

/** Why a file was refused; each maps to identity.errors.<reason> in the catalogue. */
export type DocumentRefusal =
  | "empty"
  | "tooLarge"
  | "requestLimit"
  | "tooMany"
  | "unsupportedType"
  | "heicUnsupported"
  | "imageUnreadable"
  | "pdfScript"
  | "pdfEmbeddedFile"
  | "pdfEncrypted"
  | "pdfUnreadable"
  // A My Number was read on it (lib/identity/my-number-scan.ts): destroyed, never stored.
  | "myNumber";

export function refusalMessageKey(reason: DocumentRefusal): MessageKey {
  return `identity.errors.${reason}`;
}
