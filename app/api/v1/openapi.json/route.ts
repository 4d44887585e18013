import { openApiDocument } from "@/lib/integration/openapi";

// The API's description, public like any API reference: it holds no data, only the contract.

export const dynamic = "force-static";

export function GET() {
  return Response.json(openApiDocument);
}
