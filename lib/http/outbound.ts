import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";

import { getEnv } from "@/lib/env";

import { parseAddressList } from "./address-list";

// Every request the portal sends to a system it was told about (HTTP connectors, webhooks) goes
// through here, because a manager's endpoint setting must never turn the portal against its own
// network: the name is resolved, and the address the socket actually connects to is checked
// (so a name that resolves to something else on the second lookup — DNS rebinding — fails too).
// Loopback, private, link-local, unique-local, carrier-grade NAT, multicast, documentation and
// cloud-metadata addresses are refused, unless the operator allows them (OUTBOUND_ALLOW: the
// addresses or CIDRs of systems on a private network). No redirect is followed; the answer is
// capped in size and time.

const BLOCKED = (() => {
  const list = new BlockList();
  const v4: [string, number][] = [
    ["0.0.0.0", 8],
    ["10.0.0.0", 8],
    ["100.64.0.0", 10],
    ["127.0.0.0", 8],
    ["169.254.0.0", 16], // link-local, with the cloud metadata service at 169.254.169.254
    ["172.16.0.0", 12],
    ["192.0.0.0", 24],
    ["192.0.2.0", 24],
    ["192.88.99.0", 24],
    ["192.168.0.0", 16],
    ["198.18.0.0", 15],
    ["198.51.100.0", 24],
    ["203.0.113.0", 24],
    ["224.0.0.0", 4],
    ["240.0.0.0", 4],
  ];
  for (const [address, prefix] of v4) list.addSubnet(address, prefix, "ipv4");
  const v6: [string, number][] = [
    ["::", 128],
    ["::1", 128],
    ["64:ff9b::", 96], // NAT64: an IPv4 address in disguise
    ["100::", 64],
    ["2001:db8::", 32],
    ["fc00::", 7], // unique-local, with fd00:ec2::254 (a cloud metadata service)
    ["fe80::", 10],
    ["ff00::", 8],
  ];
  for (const [address, prefix] of v6) list.addSubnet(address, prefix, "ipv6");
  return list;
})();

export class OutboundRefused extends Error {
  constructor(readonly address: string) {
    super(`refused to connect to ${address}: not a public address, and not in OUTBOUND_ALLOW`);
    this.name = "OutboundRefused";
  }
}

/** An IPv4 address hidden in an IPv6 one (::ffff:a.b.c.d), or the address itself. */
function unwrap(address: string): string {
  const lower = address.toLowerCase();
  if (lower.startsWith("::ffff:")) {
    const rest = lower.slice(7);
    if (isIP(rest) === 4) return rest;
    // ::ffff:7f00:1 spelled in hex
    const m = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(rest);
    if (m) {
      const hi = parseInt(m[1]!, 16);
      const lo = parseInt(m[2]!, 16);
      return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
    }
  }
  return address;
}

export type OutboundAllow = BlockList | null;

/** Parses OUTBOUND_ALLOW ("10.20.0.0/16, 192.168.5.7"); throws naming a bad entry. */
export const parseOutboundAllow = parseAddressList;

/** Whether the portal may connect to this address. */
export function mayConnect(address: string, allow: OutboundAllow): boolean {
  const plain = unwrap(address);
  const family = isIP(plain);
  if (!family) return false;
  const type = family === 6 ? "ipv6" : "ipv4";
  if (allow?.check(plain, type)) return true;
  return !BLOCKED.check(plain, type);
}

/** A lookup for the socket that resolves the name and refuses an address the portal may not reach. */
export function guardedLookup(allow: OutboundAllow): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses;
      const refused = list.find((a) => !mayConnect(a.address, allow));
      if (refused) return callback(new OutboundRefused(refused.address), "", 0);
      // Asked for every address (happy eyeballs): the socket tries them in turn.
      if (options.all) return (callback as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`no address for ${hostname}`), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

export interface OutboundResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export class OutboundTooLarge extends Error {
  constructor() {
    super("the answer is larger than allowed");
    this.name = "OutboundTooLarge";
  }
}

/**
 * POSTs (or GETs) to a URL under the rules above. Rejects with OutboundRefused before any byte
 * is sent to a refused address, with an AbortError/TimeoutError on time-out, and with
 * OutboundTooLarge past `maxBytes`. Redirects come back as their 3xx status, never followed.
 */
export function outboundRequest(
  url: string,
  options: {
    method?: "GET" | "POST";
    headers?: Record<string, string>;
    body?: string;
    timeoutMs: number;
    maxBytes: number;
    allow: OutboundAllow;
    /** Read the body (false: only the status matters, the rest is discarded). */
    read?: boolean;
  },
): Promise<OutboundResponse> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : target.protocol === "http:" ? http : null;
  if (!client) return Promise.reject(new Error(`unsupported protocol ${target.protocol}`));
  // A literal address skips the lookup: check it here.
  const literal = target.hostname.replace(/^\[(.*)\]$/, "$1");
  if (isIP(literal) && !mayConnect(literal, options.allow))
    return Promise.reject(new OutboundRefused(literal));
  return new Promise((resolve, reject) => {
    const signal = AbortSignal.timeout(options.timeoutMs);
    const request = client.request(
      target,
      {
        method: options.method ?? "POST",
        headers: {
          ...options.headers,
          ...(options.body !== undefined
            ? { "Content-Length": String(Buffer.byteLength(options.body)) }
            : {}),
        },
        lookup: guardedLookup(options.allow),
        signal,
        // One connection per request: a pooled socket could outlive the check of its address.
        agent: false,
      },
      (response) => {
        const declared = Number(response.headers["content-length"] ?? 0);
        if (declared > options.maxBytes) {
          response.destroy();
          return reject(new OutboundTooLarge());
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (options.read === false) return;
          size += chunk.length;
          if (size > options.maxBytes) {
            response.destroy(new OutboundTooLarge());
            return;
          }
          chunks.push(chunk);
        });
        response.on("error", reject);
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    request.on("error", (error) =>
      reject(signal.aborted && signal.reason instanceof Error ? signal.reason : error),
    );
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}

let configured: { value: string | undefined; list: OutboundAllow } | undefined;

/** The operator's OUTBOUND_ALLOW (parsed once). */
export function outboundAllow(value = getEnv().OUTBOUND_ALLOW): OutboundAllow {
  if (configured?.value !== value) configured = { value, list: parseOutboundAllow(value) };
  return configured?.list ?? null;
}
