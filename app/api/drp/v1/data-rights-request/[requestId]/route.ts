import { drpRoute } from "@/lib/drp/http";
import { readExerciseStatus, revokeExercise } from "@/lib/drp/protocol";

// DRP 0.9 §2.02 (GET: the request's status, to the agent that filed it) and §2.04 (DELETE: the
// person revokes it through their agent; signed).

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ requestId: string }> };

export async function GET(request: Request, { params }: Params) {
  const { requestId } = await params;
  return drpRoute(request, () =>
    readExerciseStatus(request.headers.get("authorization"), requestId),
  );
}

export async function DELETE(request: Request, { params }: Params) {
  const { requestId } = await params;
  return drpRoute(request, (body) =>
    revokeExercise(request.headers.get("authorization"), requestId, body),
  );
}
