import { postSubjectItems } from "@/lib/integration/endpoints";

// Personal-data items of one subject, known by the calling system's id (lib/integration/push-items.ts).

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ externalId: string }> };

export async function POST(request: Request, context: Context) {
  return postSubjectItems(request, (await context.params).externalId);
}
