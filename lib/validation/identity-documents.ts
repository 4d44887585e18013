import { z } from "@/lib/validation/zod";

import { DOCUMENT_KINDS, DOCUMENT_OWNERS } from "@/lib/identity/rules";

// The fields sent beside an identity document's bytes (the upload route checks the bytes
// themselves). Kept apart from lib/identity/rules, which the upload form imports, so that zod
// stays off the page's first load.
export const ZDocumentUpload = z.object({
  kind: z.enum(DOCUMENT_KINDS, { error: "identity.errors.kind" }),
  owner: z.enum(DOCUMENT_OWNERS, { error: "identity.errors.owner" }),
});
export type TDocumentUpload = z.infer<typeof ZDocumentUpload>;
