import { errorFields } from "@/lib/log";

// Structured logs for everything (issue 17): what Next.js and libraries print with console.error
// and console.warn becomes one JSON line too, as our own lines are. An error keeps its name,
// frames, code and Next.js digest, never its message (which may quote data); plain text keeps
// its first 300 characters with e-mail addresses and long digit runs masked. Lines that are JSON
// already (lib/log.ts writes through console) pass as they are.

const PATCHED = Symbol.for("dsar.console-json");

function masked(text: string): string {
  return text
    .slice(0, 300)
    .replace(/[^\s@]+@[^\s@]+/g, "[email]")
    .replace(/\d{6,}/g, "[digits]");
}

export function structuredLine(level: "error" | "warn", args: unknown[]): string {
  const error = args.find((a): a is Error => a instanceof Error);
  const text = args
    .filter((a): a is string => typeof a === "string")
    .join(" ")
    .trim();
  return JSON.stringify({
    level,
    at: new Date().toISOString(),
    message: error ? "framework error" : "console",
    ...(error ? errorFields(error) : { text: masked(text) }),
  });
}

export function structureConsole(): void {
  const target = console as unknown as Record<symbol, boolean>;
  if (target[PATCHED]) return;
  for (const level of ["error", "warn"] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      if (args.length === 1 && typeof args[0] === "string" && args[0].startsWith('{"level":'))
        original(args[0]);
      else original(structuredLine(level, args));
    };
  }
  target[PATCHED] = true;
}
