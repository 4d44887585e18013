import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { detectFileType } from "@/lib/identity/file-type";
import { recordNoticeVersion } from "@/lib/notice/record";
import { requirePolicyConfigure } from "@/lib/data/policies/policy-rules";
import { BRAND_SELECT } from "@/lib/brand/read-brand";
import { BRAND_FIELDS, LOGO_TYPES, MAX_LOGO_BYTES, type TBrand } from "@/lib/validation/brand";

// The organisation's profile and brand (white-label, issue 15) as managers edit it on the brand
// settings page; everyone's reads are in lib/brand/read-brand.ts.

const ORG = "org";

/** The brand settings form's values (managers who configure policies). */
export async function getBrandSettings(options: { actor: Actor }): Promise<TBrand> {
  requirePolicyConfigure(options.actor);
  const org = await getDb().organisation.findUnique({ where: { id: ORG }, select: BRAND_SELECT });
  if (!org) throw new AppError("NOT_FOUND");
  return {
    nameJa: org.nameJa,
    nameEn: org.nameEn,
    portalNameJa: org.portalNameJa,
    portalNameEn: org.portalNameEn,
    departmentJa: org.departmentJa,
    departmentEn: org.departmentEn,
    addressJa: org.addressJa,
    addressEn: org.addressEn,
    contactEmail: org.contactEmail,
    contactPhone: org.contactPhone,
    brandColor: org.brandColor,
  };
}

/** Saves the profile and brand; the audit event names each changed field with both values. */
export async function updateBrand(options: { actor: Actor; input: TBrand }) {
  const { actor, input } = options;
  requirePolicyConfigure(actor);
  assertRecentPasskey(actor);
  await getDb().$transaction(async (tx) => {
    const before = await tx.organisation.findUnique({ where: { id: ORG }, select: BRAND_SELECT });
    if (!before) throw new AppError("NOT_FOUND");
    const changed = BRAND_FIELDS.filter((f) => before[f] !== input[f]);
    if (changed.length === 0) return;
    // The organisation's public facts, not personal data: both values go to the audit log.
    const changes = Object.fromEntries(
      changed.flatMap((f) => [
        [`${f}From`, before[f]],
        [f, input[f]],
      ]),
    );
    await tx.organisation.update({ where: { id: ORG }, data: input });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "config.brand.update",
      entityType: "Organisation",
      entityId: ORG,
      ip: actor.ip,
      data: changes,
    });
    // The name, address, department and contact are the privacy notice's controller element.
    await recordNoticeVersion(tx, { actorId: actor.userId, actorRole: actor.role });
  });
}

/**
 * Replaces the logo. Its type is read from its first bytes (PNG, JPEG or WebP; never SVG, which
 * could carry script), never from its name or the browser's claim.
 */
export async function setLogo(options: { actor: Actor; bytes: Buffer }) {
  const { actor, bytes } = options;
  requirePolicyConfigure(actor);
  assertRecentPasskey(actor);
  if (bytes.length === 0) throw new AppError("INVALID_INPUT", "settingsBrand.errors.logoMissing");
  if (bytes.length > MAX_LOGO_BYTES)
    throw new AppError("INVALID_INPUT", "settingsBrand.errors.logoTooLarge");
  const type = detectFileType(bytes);
  const logoType = LOGO_TYPES.find((t) => t === type);
  if (!logoType) throw new AppError("INVALID_INPUT", "settingsBrand.errors.logoType");
  await getDb().$transaction(async (tx) => {
    await tx.organisation.update({
      where: { id: ORG },
      data: { logo: new Uint8Array(bytes), logoType, logoUpdatedAt: new Date() },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "config.brand.logo",
      entityType: "Organisation",
      entityId: ORG,
      ip: actor.ip,
      data: { type: logoType, bytes: bytes.length },
    });
  });
}

/** Goes back to the portal's own logo. */
export async function removeLogo(options: { actor: Actor }) {
  const { actor } = options;
  requirePolicyConfigure(actor);
  assertRecentPasskey(actor);
  await getDb().$transaction(async (tx) => {
    await tx.organisation.update({
      where: { id: ORG },
      data: { logo: null, logoType: null, logoUpdatedAt: null },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "config.brand.logo-removed",
      entityType: "Organisation",
      entityId: ORG,
      ip: actor.ip,
      data: {},
    });
  });
}
