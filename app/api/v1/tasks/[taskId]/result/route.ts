import { postTaskResult } from "@/lib/integration/endpoints";

// A task's result from its system: API key and signature both (lib/integration/task-result.ts).

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ taskId: string }> };

export async function POST(request: Request, context: Context) {
  return postTaskResult(request, (await context.params).taskId);
}
