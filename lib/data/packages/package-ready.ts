import "server-only";

import { AppError } from "@/lib/errors";
import {
  resolveItemScope,
  sourcesKeyOf,
  type ItemReader,
  type ScopeRequest,
} from "@/lib/fulfilment/package/item-source";
import type { Locale } from "@/lib/i18n/config";

/**
 * A disclosure is answered with the package staff built, and only while it still matches its
 * sources: refused when none was built (a disclosure must never go out without the items staff
 * checked), or when a system's export changed state since (a retried task answered, a failed one
 * was cancelled): the package would not be what the systems now say.
 */
export async function assertPackageReady(
  db: ItemReader,
  request: ScopeRequest & { locale: Locale },
  prepared: readonly { sourcesKey: string }[],
) {
  if (prepared.length === 0) throw new AppError("CONFLICT", "disclosurePackage.errors.notBuilt");
  const current = sourcesKeyOf(await resolveItemScope(db, request, request.locale));
  if (prepared.some((p) => p.sourcesKey !== current))
    throw new AppError("CONFLICT", "disclosurePackage.errors.outdated");
}
