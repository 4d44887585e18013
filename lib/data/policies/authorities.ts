import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordNoticeVersion } from "@/lib/notice/record";
import type { TAuthority } from "@/lib/validation/policies-config";

import { AUTHORITY_FIELDS as FIELDS } from "../requests/complaint-authorities";

import { requirePolicyConfigure } from "./policy-rules";

/** The supervisory authorities a refusal or an extension names (lib/requests/complaints.ts). */
export async function listAuthorities(options: { actor: Actor }) {
  requirePolicyConfigure(options.actor);
  return getDb().supervisoryAuthority.findMany({
    select: FIELDS,
    orderBy: [{ jurisdiction: "asc" }, { key: "asc" }],
  });
}

/**
 * Corrects an authority's names, contact or address (a step-up operation, audited with the
 * values before and after). Rows are loaded by their migration; no key is made or removed here.
 */
export async function updateAuthority(options: { actor: Actor; input: TAuthority }) {
  const { actor, input } = options;
  requirePolicyConfigure(actor);
  assertRecentPasskey(actor);
  await getDb().$transaction(async (tx) => {
    const before = await tx.supervisoryAuthority.findUnique({
      where: { key: input.key },
      select: FIELDS,
    });
    if (!before) throw new AppError("NOT_FOUND");
    const { key, ...values } = input;
    await tx.supervisoryAuthority.update({ where: { key }, data: values });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "config.authority.update",
      entityType: "SupervisoryAuthority",
      entityId: key,
      ip: actor.ip,
      data: {
        fromNameEn: before.nameEn,
        nameEn: values.nameEn,
        fromUrl: before.url,
        url: values.url,
        nameJaChanged: before.nameJa !== values.nameJa,
        contactChanged:
          before.contactJa !== values.contactJa || before.contactEn !== values.contactEn,
      },
    });
    // The privacy notice names each law's authority (where to complain).
    await recordNoticeVersion(tx, { actorId: actor.userId, actorRole: actor.role });
  });
}
