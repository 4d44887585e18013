import { isDemoMode } from "@/lib/env";
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

/** The URL a task goes to: the configured endpoint, or in demo mode the simulated system. */
export function resolveEndpoint(systemKey: string, config: THttpConfig): string {
  if (config.simulateInDemo && isDemoMode())
    return `${localAppUrl()}/api/demo/connector?system=${encodeURIComponent(systemKey)}`;
  return config.endpoint;
}

async function readLimited(response: Response): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > MAX_RESPONSE_BYTES) throw new TaskFailure("too_large", false);
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      throw new TaskFailure("too_large", false);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function transportFailure(error: unknown): TaskFailure {
  if (error instanceof TaskFailure) return error;
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
  let response: Response;
  let text: string;
  try {
    response = await fetch(resolveEndpoint(options.systemKey, config), {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        ...signBody({ secret: options.secret, body }),
      },
      body,
      // A redirect would send the signed task somewhere nobody configured.
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    if (response.status === 202) {
      await response.body?.cancel();
      return { kind: "accepted" };
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      const status = response.status;
      if (status >= 200 && status < 300)
        throw new TaskFailure("unexpected_status", false, `${status}`);
      const transient = status >= 500 || status === 429 || status === 408;
      throw new TaskFailure("http_status", transient, `${status}`);
    }
    text = await readLimited(response);
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
