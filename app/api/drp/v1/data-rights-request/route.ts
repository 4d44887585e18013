import { drpRoute } from "@/lib/drp/http";
import { fileExercise } from "@/lib/drp/protocol";

// DRP 0.9 §2.01: an agent files a data rights request (signed; bearer token). 0.9 wrote the path
// with a trailing slash; Next.js answers that form with a 308 to this one, which keeps the method
// and the body.

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return drpRoute(request, (body) => fileExercise(request.headers.get("authorization"), body));
}
