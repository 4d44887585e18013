import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { ZEmailConfig } from "@/lib/fulfilment/engine/connectors/email";
import { ZHttpConfig } from "@/lib/fulfilment/engine/wire";

import { assertCanConfigure } from "./shared";

/**
 * The data systems for the configuration pages (all, or the one with `id`). Secrets never leave
 * the database here: the default client omits them, and whether one is set is asked separately.
 */
export async function listSystems(options: { actor: Actor; id?: string }) {
  assertCanConfigure(options.actor);
  const db = getDb();
  const where = options.id ? { id: options.id } : {};
  const [systems, withSecret] = await Promise.all([
    db.dataSystem.findMany({
      where,
      orderBy: { key: "asc" },
      select: {
        id: true,
        key: true,
        nameJa: true,
        nameEn: true,
        descriptionJa: true,
        descriptionEn: true,
        connector: true,
        config: true,
        secretRotatedAt: true,
      },
    }),
    db.dataSystem.findMany({ where: { ...where, secret: { not: null } }, select: { id: true } }),
  ]);
  const hasSecret = new Set(withSecret.map((s) => s.id));
  return systems.map(({ config, ...s }) => {
    const http = ZHttpConfig.partial().safeParse(config);
    const mail = s.connector === "EMAIL" ? ZEmailConfig.safeParse(config) : null;
    return {
      ...s,
      endpoint: http.success ? (http.data.endpoint ?? "") : "",
      timeoutMs: http.success ? (http.data.timeoutMs ?? null) : null,
      mail: mail?.success ? mail.data : null,
      hasSecret: hasSecret.has(s.id),
    };
  });
}

export type ConfigSystem = Awaited<ReturnType<typeof listSystems>>[number];
