import {
  isWellFormedArguments,
  readReply,
  type ReplyField,
  type ReplySource,
} from "./action-reply";
import { readMultipart } from "./read-multipart";
import { refuse } from "./refuse";
import { SERVER_ACTION_BODY_LIMIT } from "./server-action-limit";

// Request hygiene for server actions, run by proxy.ts. Next.js's action handler checks the origin,
// the size and the encoding of a server-action POST before any of our code runs, and answers 500
// to every request it refuses (node_modules/next/dist/server/app-render/action-handler.js). The
// proxy runs first, so it refuses those requests with their own status: a foreign origin 403, no
// length 411, too large 413, a body the decoder cannot read 400. It decides nothing about access:
// a request it passes is still only a request, authorised by the action where the data is touched.

/** What Next.js takes for a server action (its getServerActionRequestMetadata). */
function actionKind(request: Request): "fetch" | "form" | null {
  if (request.method !== "POST") return null;
  const contentType = request.headers.get("content-type");
  if (contentType === "application/x-www-form-urlencoded") return null; // Next.js passes these on
  if (request.headers.get("next-action") !== null) return "fetch";
  if (contentType?.startsWith("multipart/form-data")) return "form";
  return null;
}

/** Next.js's CSRF rule: an Origin, when present, must name the host the request was sent to. */
function isForeignOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return false;
  if (origin === "null") return true; // sandboxed frames, file: pages, privacy-sensitive redirects
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return originHost !== host;
}

async function readForm(request: Request): Promise<FormData | null> {
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

// A field named twice would be read differently by the check and by the decoder: neither counts.
// A fetch call's parts are decoded as they stream in, with temporary references; a form's bound
// action is decoded whole, without.
function fromParts(parts: [string, ReplyField][], prefix: string, fetchCall: boolean): ReplySource {
  const at = new Map<string, number>();
  const repeated = new Set<string>();
  parts.forEach(([name], i) => (at.has(name) ? repeated.add(name) : at.set(name, i)));
  return {
    get: (name) => (repeated.has(name) ? null : parts[at.get(name) ?? -1]?.[1]),
    position: fetchCall ? (name) => at.get(name) : undefined,
    prefix,
    temporaryReferences: fetchCall,
  };
}

// A form posted without JavaScript names its action in "$ACTION_ID_<id>" (Next.js checks those)
// or, for an action with bound arguments, "$ACTION_REF_<n>" with a descriptor row
// "$ACTION_<n>:0" = {"id": …, "bound": …}, which the decoder reads as a reply of its own.
function isWellFormedFormAction(form: FormData): boolean {
  for (const name of form.keys()) {
    if (!name.startsWith("$ACTION_REF_")) continue;
    const prefix = `$ACTION_${name.slice("$ACTION_REF_".length)}:`;
    const descriptor = readReply(fromParts([...form.entries()], prefix, false));
    if (typeof descriptor !== "object" || descriptor === null || Array.isArray(descriptor))
      return false;
    if (typeof descriptor.id !== "string") return false;
  }
  return true;
}

/** A refusal for a server-action request Next.js would answer with 500, or null to pass it on. */
export async function checkActionRequest(request: Request): Promise<Response | null> {
  const kind = actionKind(request);
  if (kind === null) return null;
  if (isForeignOrigin(request.headers)) return refuse(403, "Cross-origin request refused.");

  const length = request.headers.get("content-length");
  // Next.js forwards an action to the worker that holds it with a streamed body and no length;
  // such a body is read like any other, and the proxy never gets more of it than the limit.
  if (length === null && request.headers.get("x-action-forwarded") === null)
    return refuse(411, "Content-Length required.");
  if (length !== null && Number(length) > SERVER_ACTION_BODY_LIMIT)
    return refuse(413, "Request body too large.");

  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.startsWith("multipart/form-data")) {
    // Next.js streams a fetch call's parts through busboy into React's decoder, and reads a form
    // posted without JavaScript with Request.formData() before decoding it whole; so does this.
    let wellFormed: boolean;
    if (kind === "fetch") {
      const parts = await readMultipart(request, SERVER_ACTION_BODY_LIMIT);
      wellFormed = parts !== null && isWellFormedArguments(fromParts(parts, "", true));
    } else {
      const form = await readForm(request);
      wellFormed = form !== null && isWellFormedFormAction(form);
    }
    return wellFormed ? null : refuse(400, "Malformed server action request.");
  }
  // Any other body of a fetch call is one JSON row, whatever its declared type.
  let text: string;
  try {
    text = await request.text();
  } catch {
    return refuse(400, "Malformed server action request.");
  }
  const wellFormed = isWellFormedArguments({
    get: (name) => (name === "0" ? text : null),
    prefix: "",
    temporaryReferences: true,
  });
  return wellFormed ? null : refuse(400, "Malformed server action request.");
}
