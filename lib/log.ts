import { randomUUID } from "node:crypto";

// Application logs carry ids and codes only, never personal data (DOMAIN.md: request records).
type Fields = Record<string, string | number | boolean | null | undefined>;

function write(level: "info" | "warn" | "error", message: string, fields?: Fields) {
  const line = JSON.stringify({ at: new Date().toISOString(), level, message, ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
}

export const log = {
  info: (message: string, fields?: Fields) => write("info", message, fields),
  warn: (message: string, fields?: Fields) => write("warn", message, fields),
  /** Logs an unexpected error under a fresh id, which the UI may show to the person. */
  error(message: string, error: unknown, fields?: Fields): string {
    const errorId = randomUUID();
    const name = error instanceof Error ? error.name : typeof error;
    // Only the frames: an error's message may quote the data it failed on (a value, a name).
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
    write("error", message, {
      errorId,
      errorName: name,
      ...(typeof code === "string" && /^[\w.-]{1,40}$/.test(code) ? { errorCode: code } : {}),
      stack,
      ...fields,
    });
    return errorId;
  },
};
