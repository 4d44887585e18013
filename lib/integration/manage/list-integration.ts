import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";

/** Every data system with its API keys (never a hash) and its webhook, for the settings page. */
export async function listIntegration(options: { actor: Actor; locale: Locale }) {
  const { actor, locale } = options;
  if (!can(actor.role, "integration:configure")) throw new AppError("FORBIDDEN");
  const systems = await getDb().dataSystem.findMany({
    orderBy: { key: "asc" },
    select: {
      id: true,
      key: true,
      nameJa: true,
      nameEn: true,
      connector: true,
      secret: true,
      webhook: { select: { url: true, active: true } },
      apiKeys: {
        orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
        select: {
          id: true,
          label: true,
          prefix: true,
          scopes: true,
          createdAt: true,
          lastUsedAt: true,
          revokedAt: true,
        },
      },
    },
  });
  // Whether the system can sign webhooks is all the page needs to know of its secret.
  return systems.map(({ secret, nameJa, nameEn, ...system }) => ({
    ...system,
    name: locale === "ja" ? nameJa : nameEn,
    canSign: Boolean(secret),
  }));
}

export type IntegrationSystem = Awaited<ReturnType<typeof listIntegration>>[number];
