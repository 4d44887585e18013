// Next.js calls register() once per server process, before it serves a request. The Node.js
// server's start-up lives in lib/server/register.ts (environment check, request stamp and
// security headers, the inline job worker).
export async function register() {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerNodeServer } = await import("@/lib/server/register");
    await registerNodeServer();
  }
}
