import { randomUUID } from "node:crypto";

import pino from "pino";

import { getEnv } from "@/lib/env";
import { currentRequestId } from "@/lib/http/request-context";

// Application logs: one JSON line each, written by pino ({"level","at","message",…fields}), with
// the id of the HTTP request being served when there is one (lib/http/request-context.ts, the
// same id as the response's X-Request-Id and the audit event's correlationId). They carry ids and
// codes only, never personal data (DOMAIN.md: request records). Lines go out through console
// (errors to stderr), so test runners and process managers see them as before.

type Fields = Record<string, string | number | boolean | null | undefined>;
type Level = "debug" | "info" | "warn" | "error";

/** LOG_LEVEL; "info" while the environment is wrong (the start is refusing, and says why). */
function configuredLevel(): Level {
  try {
    return getEnv().LOG_LEVEL;
  } catch {
    return "info";
  }
}

let created: pino.Logger | undefined;
const logger = () => (created ??= createLogger());

const createLogger = () =>
  pino(
    {
      level: configuredLevel(),
      base: undefined,
      messageKey: "message",
      timestamp: () => `,"at":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    {
      // Synchronous, one line per call: errors to stderr, the rest to stdout.
      write(line: string) {
        const text = line.endsWith("\n") ? line.slice(0, -1) : line;
        if (text.startsWith('{"level":"error"')) console.error(text);
        else console.log(text);
      },
    },
  );

const clean = (fields?: Fields) =>
  Object.fromEntries(Object.entries(fields ?? {}).filter(([, v]) => v !== undefined));

/** An error's frames only: its message may quote the data it failed on (a value, a name). */
export function errorFields(error: unknown): Fields {
  const name = error instanceof Error ? error.name : typeof error;
  const stack =
    error instanceof Error
      ? (error.stack ?? "")
          .split("\n")
          .filter((line) => /^\s+at /.test(line))
          .slice(0, 6)
          .map((line) => line.trim())
          .join(" | ")
      : "";
  // Codes (a Prisma P2034, a Node ECONNREFUSED, PostgreSQL's SQLSTATE) say what went wrong
  // without the data it went wrong on.
  const code = (error as { code?: unknown } | null)?.code;
  const digest = (error as { digest?: unknown } | null)?.digest;
  return {
    errorName: name,
    ...(typeof code === "string" && /^[\w.-]{1,40}$/.test(code) ? { errorCode: code } : {}),
    // Next.js's id of a server error, shown to the person on its error page.
    ...(typeof digest === "string" && /^[\w-]{1,64}$/.test(digest) ? { digest } : {}),
    stack,
  };
}

export const log = {
  debug: (message: string, fields?: Fields) => logger().debug(clean(fields), message),
  info: (message: string, fields?: Fields) => logger().info(clean(fields), message),
  warn: (message: string, fields?: Fields) => logger().warn(clean(fields), message),
  /** Logs an unexpected error under a fresh id, which the UI may show to the person. */
  error(message: string, error: unknown, fields?: Fields): string {
    const errorId = randomUUID();
    logger().error({ errorId, ...errorFields(error), ...clean(fields) }, message);
    return errorId;
  },
};
