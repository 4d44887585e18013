import { getSubjectRestrictions } from "@/lib/integration/endpoints";

// The subject's active use restrictions and stopped recipients (lib/integration/read-restrictions.ts).

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ externalId: string }> };

export async function GET(request: Request, context: Context) {
  return getSubjectRestrictions(request, (await context.params).externalId);
}
