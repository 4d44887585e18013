import { drpRoute } from "@/lib/drp/http";
import { agentInformation, registerAgentToken } from "@/lib/drp/protocol";

// DRP 0.9 §2.05 (POST: the pair-wise token, for a message signed by the agent's key) and §2.06
// (GET: whether the token is still good).

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ agentId: string }> };

export async function POST(request: Request, { params }: Params) {
  const { agentId } = await params;
  return drpRoute(request, (body) => registerAgentToken(agentId, body));
}

export async function GET(request: Request, { params }: Params) {
  const { agentId } = await params;
  return drpRoute(request, () => agentInformation(agentId, request.headers.get("authorization")));
}
