import { drpOpenApiDocument } from "@/lib/drp/openapi";

// The DRP endpoints' description, public like any API reference: it holds no data, only the
// contract.

export const dynamic = "force-static";

export function GET() {
  return Response.json(drpOpenApiDocument);
}
