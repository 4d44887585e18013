import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { placeholdersIn, type TTemplateSave } from "@/lib/validation/policies-config";

import { requiredPlaceholders } from "./default-template";

/**
 * Writes the organisation's wording of one template in one language (creating that language's
 * version when missing). The shared schema has refused unknown placeholders; here the ones the
 * default uses must still be there, since staff rely on them being filled in.
 */
export async function saveTemplate(options: { actor: Actor; input: TTemplateSave }) {
  const { actor, input } = options;
  if (!can(actor.role, "policy:configure")) throw new AppError("FORBIDDEN");
  assertRecentPasskey(actor);
  const used = new Set([
    ...(placeholdersIn(input.subject) ?? []),
    ...(placeholdersIn(input.body) ?? []),
  ]);
  if (requiredPlaceholders(input.key, input.locale).some((name) => !used.has(name)))
    throw new AppError("INVALID_INPUT", "settingsPolicies.errors.missingPlaceholder", {
      body: "settingsPolicies.errors.missingPlaceholder",
    });

  return getDb().$transaction(async (tx) => {
    const where = { key_locale: { key: input.key, locale: input.locale } };
    const existing = await tx.messageTemplate.findUnique({ where, select: { id: true } });
    const row = await tx.messageTemplate.upsert({
      where,
      create: { key: input.key, locale: input.locale, subject: input.subject, body: input.body },
      update: { subject: input.subject, body: input.body },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "config.template.update",
      entityType: "MessageTemplate",
      entityId: row.id,
      ip: actor.ip,
      data: { key: input.key, locale: input.locale, created: !existing },
    });
    return { id: row.id };
  });
}
