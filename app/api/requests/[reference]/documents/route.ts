import { NextResponse, type NextRequest } from "next/server";

import { getActor } from "@/lib/auth/actor";
import { uploadIdentityDocument } from "@/lib/data/identity/upload-document";
import type { MessageKey } from "@/lib/i18n/translate";
import { MAX_FILE_BYTES, type DocumentRefusal } from "@/lib/identity/rules";
import { ZDocumentUpload } from "@/lib/validation/identity-documents";
import { getDb } from "@/lib/db";
import { log } from "@/lib/log";
import { consume, LIMITS, rateKey, tooManyRequests } from "@/lib/rate-limit";

// Identity documents arrive here as multipart/form-data (a route handler rather than a server
// action, so the browser can report upload progress). The rules live in the data layer.

export const dynamic = "force-dynamic";

// Room for the multipart envelope and the two small fields around one file.
const MAX_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024;

const STATUS = { FORBIDDEN: 403, NOT_FOUND: 404, CLOSED: 409, REFUSED: 422 } as const;
const REFUSAL_STATUS: Partial<Record<DocumentRefusal, number>> = {
  tooLarge: 413,
  requestLimit: 413,
  unsupportedType: 415,
  heicUnsupported: 415,
};

const fail = (status: number, error: MessageKey) =>
  NextResponse.json({ ok: false, error }, { status });

/** Cookies make this a same-origin endpoint only: a cross-site form post is refused. */
function crossSite(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export async function POST(
  request: NextRequest,
  context: { params: Promise<{ reference: string }> },
) {
  if (crossSite(request)) return fail(403, "errors.forbidden");
  const actor = await getActor();
  if (!actor) return fail(401, "errors.unauthenticated");
  const limited = await consume(getDb(), {
    key: rateKey("upload", actor.userId),
    ...LIMITS.uploadPerUser,
  });
  if (!limited.ok)
    return tooManyRequests(limited.retryAfterSeconds, {
      ok: false,
      error: "errors.tooManyRequests",
    });
  // Refuse an oversized body before reading it into memory.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES)
    return fail(413, "identity.errors.tooLarge");

  const { reference } = await context.params;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return fail(400, "errors.invalidInput");
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return fail(400, "identity.errors.noFile");
  if (file.size > MAX_FILE_BYTES) return fail(413, "identity.errors.tooLarge");
  const fields = ZDocumentUpload.safeParse({ kind: form.get("kind"), owner: form.get("owner") });
  if (!fields.success) return fail(400, "errors.invalidInput");

  try {
    const result = await uploadIdentityDocument({
      actor,
      reference,
      ...fields.data,
      bytes: Buffer.from(await file.arrayBuffer()),
    });
    if (result.ok)
      return NextResponse.json({ ok: true, document: result.document }, { status: 201 });
    const status = (result.reason && REFUSAL_STATUS[result.reason]) ?? STATUS[result.code];
    return fail(status, result.error);
  } catch (error) {
    // Ids only: the file, its name and the person stay out of the log.
    const errorId = log.error("document upload failed", error, { route: "documents" });
    return NextResponse.json({ ok: false, error: "errors.unexpected", errorId }, { status: 500 });
  }
}
