// Next.js calls register() once per server process, before it serves a request:
// - the environment is checked, and a missing or wrong setting stops the process with one line
//   (never a fallback to something weaker, such as demo mode without mail);
// - every request is stamped with its socket's address (lib/http/peer.ts) and every response
//   gets the security headers: a nonce-based CSP, HSTS over https, a Permissions-Policy
//   (lib/http/security-headers.ts);
// - with WORKER_MODE=inline (the default) the job worker runs inside the app, so one `npm start`
//   is the whole system.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { EnvError, getEnv } = await import("@/lib/env");
  let env: ReturnType<typeof getEnv>;
  try {
    env = getEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const { stampPeerAddresses } = await import("@/lib/http/peer");
  const { applySecurityHeaders } = await import("@/lib/http/security-headers");
  const headers = {
    https: env.AUTH_URL?.startsWith("https:") ?? false,
    dev: env.NODE_ENV === "development",
  };
  stampPeerAddresses((request, response) => applySecurityHeaders(request, response, headers));
  if (env.WORKER_MODE !== "inline" || !env.DATABASE_URL) return;
  const { getDb } = await import("@/lib/db");
  const { startWorker } = await import("@/lib/jobs/worker");
  await startWorker(getDb());
}
