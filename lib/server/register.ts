// What instrumentation.ts runs once per Node.js server process, before it serves a request:
// - the environment is checked, and a missing or wrong setting stops the process with one line
//   (never a fallback to something weaker, such as demo mode without mail);
// - every request is stamped with its socket's address and an id (lib/http/peer.ts), logged in
//   one access line, and every response gets the id and the security headers: a nonce-based
//   CSP, HSTS over https, a Permissions-Policy (lib/http/security-headers.ts);
// - console.error and console.warn write JSON lines, as the app's own log does;
// - with WORKER_MODE=inline (the default) the job worker runs inside the app, so one `npm start`
//   is the whole system.
// Kept apart from instrumentation.ts so the Edge build of that file never sees Node.js APIs.
import { EnvError, getEnv } from "@/lib/env";
import { stampPeerAddresses } from "@/lib/http/peer";
import { applySecurityHeaders } from "@/lib/http/security-headers";
import { log } from "@/lib/log";
import { structureConsole } from "@/lib/server/console-json";

export async function registerNodeServer(): Promise<void> {
  let env: ReturnType<typeof getEnv>;
  try {
    env = getEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  // Before anything opens a database connection, so every query is traced.
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { startTelemetry } = await import("@/lib/server/telemetry");
    await startTelemetry({ endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT });
  }
  const headers = {
    https: env.AUTH_URL?.startsWith("https:") ?? false,
    dev: env.NODE_ENV === "development",
  };
  // One JSON line for everything written, Next.js's own errors included; every request gets an id
  // and an access-log line (lib/http/peer.ts).
  structureConsole();
  stampPeerAddresses((request, response) => applySecurityHeaders(request, response, headers));
  // Without Tesseract or pdftotext, uploads are not read for a My Number: said once, here.
  const { ocrStartupNotice } = await import("@/lib/identity/my-number-scan");
  const notice = ocrStartupNotice();
  if (notice) log.warn(notice);
  if (env.WORKER_MODE !== "inline" || !env.DATABASE_URL) return;
  const { getDb } = await import("@/lib/db");
  const { startWorker } = await import("@/lib/jobs/worker");
  await startWorker(getDb());
}
