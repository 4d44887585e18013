import { randomUUID } from "node:crypto";
import http from "node:http";

import { logAccess } from "./access-log";
import { runWithRequest } from "./request-context";

// The address of the machine a request came from, as the socket saw it. Next.js gives pages no
// socket, and the X-Forwarded-For it fills in is kept as the client sent it, so anyone can claim
// to be 127.0.0.1 there. The app server's request event is stamped instead (installed by
// instrumentation.ts before the first request is served): whatever a client sends under
// PEER_HEADER is replaced by the socket's own remote address.

export const PEER_HEADER = "x-dsar-peer";
/** The request's id, set here whatever the client sent (a client may not choose it). */
export const REQUEST_ID_HEADER = "x-request-id";

const STAMPED = Symbol.for("dsar.peer-stamp");

/**
 * Patches node:http so every request carries its socket's address, and runs `also` (the security
 * headers, lib/http/security-headers.ts) on each request and its response; safe to call twice.
 */
export function stampPeerAddresses(
  also?: (request: http.IncomingMessage, response: http.ServerResponse) => void,
): void {
  const proto = http.Server.prototype as unknown as Record<symbol, boolean> & {
    emit: (event: string | symbol, ...args: unknown[]) => boolean;
  };
  if (proto[STAMPED]) return;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      const response = args[1] as http.ServerResponse;
      stampRequest(request);
      also?.(request, response);
      // Everything done for this request runs with its id (lib/http/request-context.ts): its log
      // lines and audit events carry it, and so does the response, for whoever reports a problem.
      const requestId = randomUUID();
      request.headers[REQUEST_ID_HEADER] = requestId;
      response.setHeader(REQUEST_ID_HEADER, requestId);
      logAccess(request, response, requestId);
      return runWithRequest({ requestId }, () => emit.call(this, event, ...args));
    }
    return emit.call(this, event, ...args);
  };
  proto[STAMPED] = true;
}

export function stampRequest(request: http.IncomingMessage): void {
  request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "";
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 addresses. */
export function isLoopback(address: string | null | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return v4 === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** Whether a request came from this machine (a missing stamp never counts as local). */
export function fromThisMachine(headers: Pick<Headers, "get">): boolean {
  return isLoopback(headers.get(PEER_HEADER));
}
