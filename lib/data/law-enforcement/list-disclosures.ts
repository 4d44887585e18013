import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const REGISTER_PAGE_SIZE = 20;

/** The register, newest first, one page at a time (offset pages: the register stays small). */
export async function listDisclosures(options: { actor: Actor; page: number }) {
  const { actor } = options;
  if (!can(actor.role, "manager:dashboard")) throw new AppError("FORBIDDEN");
  const db = getDb();
  const total = await db.lawEnforcementDisclosure.count();
  const pages = Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page), pages);
  const rows = await db.lawEnforcementDisclosure.findMany({
    orderBy: [{ disclosedAt: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * REGISTER_PAGE_SIZE,
    take: REGISTER_PAGE_SIZE,
    select: {
      id: true,
      disclosedAt: true,
      basis: true,
      authority: true,
      scope: true,
      items: true,
      decision: true,
      note: true,
      approver: { select: { name: true, email: true } },
      recorder: { select: { name: true, email: true } },
    },
  });
  return {
    total,
    page,
    pages,
    entries: rows.map((r) => ({
      id: r.id,
      disclosedAt: r.disclosedAt,
      basis: r.basis,
      authority: r.authority,
      scope: r.scope,
      items: r.items,
      approver: r.approver ? (r.approver.name ?? r.approver.email) : null,
      recorder: r.recorder ? (r.recorder.name ?? r.recorder.email) : null,
      decision: r.decision,
      note: r.note,
    })),
  };
}

/** What the form offers: the managers who may approve (not the recorder) and the categories. */
export async function getRegisterOptions(options: { actor: Actor; locale: "ja" | "en" }) {
  const { actor, locale } = options;
  if (!can(actor.role, "policy:configure")) throw new AppError("FORBIDDEN");
  const db = getDb();
  const [approvers, categories] = await Promise.all([
    db.user.findMany({
      where: { role: { in: ["MANAGER", "ADMIN"] }, id: { not: actor.userId } },
      orderBy: { email: "asc" },
      select: { id: true, name: true, email: true },
    }),
    db.dataCategory.findMany({
      orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
      select: { key: true, nameJa: true, nameEn: true },
    }),
  ]);
  return {
    approvers: approvers.map((u) => ({
      id: u.id,
      label: u.name ? `${u.name} (${u.email})` : u.email,
    })),
    categories: categories.map((c) => ({
      key: c.key,
      name: locale === "ja" ? c.nameJa : c.nameEn,
    })),
  };
}
