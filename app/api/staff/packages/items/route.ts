import type { NextRequest } from "next/server";

import { getActor } from "@/lib/auth/actor";
import { listPackageItems } from "@/lib/data/packages/list-package-items";
import { AppError } from "@/lib/errors";
import { toLocale } from "@/lib/i18n/config";
import { ZRequestRef } from "@/lib/validation/requests";

export const dynamic = "force-dynamic";

/** One page of a disclosure package's preview, for the staff package panel's pager. */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const actor = await getActor();
  if (!actor) return Response.json({ error: "errors.unauthenticated" }, { status: 401 });
  const ref = ZRequestRef.safeParse({ reference: params.get("reference") });
  if (!ref.success) return Response.json({ error: "errors.invalidInput" }, { status: 400 });
  try {
    const preview = await listPackageItems({
      actor,
      reference: ref.data.reference,
      page: Number(params.get("page")) || 1,
      locale: toLocale(params.get("locale")),
    });
    return Response.json(preview, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof AppError) {
      const status = error.code === "FORBIDDEN" ? 403 : error.code === "NOT_FOUND" ? 404 : 409;
      return Response.json({ error: error.messageKey }, { status });
    }
    throw error;
  }
}
