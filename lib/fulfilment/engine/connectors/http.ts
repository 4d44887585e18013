import { isDemoMode } from "@/lib/env";
import {
  OutboundRefused,
  OutboundTooLarge,
  outboundAllow,
  outboundRequest,
  parseOutboundAllow,
} from "@/lib/http/outbound";
import type { FulfilmentAction } from "@/lib/generated/prisma/enums";

import { localAppUrl } from "../base-url";
import { TaskFailure } from "../failure";
import { signBody } from "../signature";
import type { TaskResult } from "../types";
import { parseSystemResult, ZHttpConfig, type THttpConfig, type THttpTask } from "../wire";

// The HTTP connector: POSTs the signed task to the system's endpoint. The system answers 200 with
// the result, or 202 and calls back later (app/api/connectors/[system]/callback). Anything else —
// a timeout, a refused connection, a non-2xx status, a body that is not the action's result — is a
// TaskFailure with its reason, never a success.

/** Answers larger than this are refused unread (a 100,000-item export is well under it). */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export type HttpOutcome = { kind: "result"; result: TaskResult } | { kind: "accepted" };

export function readHttpConfig(config: unknown): THttpConfig {
  const parsed = ZHttpConfig.safeParse(config);
  if (!parsed.success) throw new TaskFailure("bad_config", false);
  return parsed.data;
}

/** Where a task goes: the configured endpoint, or in demo mode the simulated system (local). */
export function resolveEndpoint(
  systemKey: string,
  config: THttpConfig,
): { url: string; local: boolean } {
  if (config.simulateInDemo && isDemoMode())
    return {
      url: `${localAppUrl()}/api/demo/connector?system=${encodeURIComponent(systemKey)}`,
      local: true,
    };
  return { url: config.endpoint, local: false };
}

export const LOOPBACK = parseOutboundAllow("127.0.0.1");

export function transportFailure(error: unknown): TaskFailure {
  if (error instanceof TaskFailure) return error;
  if (error instanceof OutboundTooLarge) return new TaskFailure("too_large", false);
  // An address the portal may not reach will not become reachable by retrying.
  if (error instanceof OutboundRefused) return new TaskFailure("refused_address", false);
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") return new TaskFailure("timeout", true);
  return new TaskFailure("network", true);
}

export async function callHttpSystem(options: {
  systemKey: string;
  action: FulfilmentAction;
  config: unknown;
  secret: string | null;
  task: THttpTask;
}): Promise<HttpOutcome> {
  const config = readHttpConfig(options.config);
  if (!options.secret) throw new TaskFailure("no_secret", false);
  const body = JSON.stringify(options.task);
  const endpoint = resolveEndpoint(options.systemKey, config);
  let text: string;
  try {
    // Under the outbound rules (lib/http/outbound.ts): public addresses, or the operator's
    // allow-list; the demo's simulated system is the portal itself, on this machine. A redirect
    // would send the signed task somewhere nobody configured, so none is followed.
    const response = await outboundRequest(endpoint.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        ...signBody({ secret: options.secret, body }),
      },
      body,
      timeoutMs: config.timeoutMs,
      maxBytes: MAX_RESPONSE_BYTES,
      allow: endpoint.local ? LOOPBACK : outboundAllow(),
    });
    if (response.status === 202) return { kind: "accepted" };
    if (response.status !== 200) {
      const status = response.status;
      if (status >= 200 && status < 300)
        throw new TaskFailure("unexpected_status", false, `${status}`);
      const transient = status >= 500 || status === 429 || status === 408;
      throw new TaskFailure("http_status", transient, `${status}`);
    }
    text = response.body;
  } catch (error) {
    throw transportFailure(error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TaskFailure("invalid_json", false);
  }
  const result = parseSystemResult(options.action, options.systemKey, json);
  if (!result) throw new TaskFailure("invalid_result", false);
  return { kind: "result", result };
}
