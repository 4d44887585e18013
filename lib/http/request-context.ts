import { AsyncLocalStorage } from "node:async_hooks";

// The HTTP request being served, for code that has no request object: the log's lines and the
// audit events (lib/log.ts, lib/audit/record.ts) carry its id. Entered by the app server's
// request hook (lib/http/peer.ts), so everything Next.js does for that request runs inside it;
// jobs and scripts run outside any, and their lines and events carry no request id.

interface RequestContext {
  requestId: string;
}

// On globalThis: Next.js may load this module more than once in one process (each server bundle).
const global = globalThis as unknown as { __dsarRequests?: AsyncLocalStorage<RequestContext> };
const storage = (global.__dsarRequests ??= new AsyncLocalStorage<RequestContext>());

export function runWithRequest<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The id of the HTTP request being served, or undefined outside one. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
