// Liveness (issue 17): the process answers. Nothing else is asked, so a load balancer or an
// orchestrator restarts only a process that has stopped answering, never one whose database is
// briefly away (that is /api/ready's question). Outside the locale redirects (proxy.ts skips
// /api) and the rate limits.

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
