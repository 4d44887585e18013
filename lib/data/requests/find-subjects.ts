import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Subjects known by an email address (their own, or their portal account's), for a staff member
 * entering a request that arrived by phone, post, email or in person. Exact address, any case.
 */
export async function findSubjects(options: { actor: Actor; email: string }) {
  if (!can(options.actor.role, "request:enter")) throw new AppError("FORBIDDEN");
  const email = { equals: options.email.trim(), mode: "insensitive" as const };
  const found = await getDb().subject.findMany({
    where: { OR: [{ email }, { user: { email } }] },
    orderBy: { createdAt: "asc" },
    take: 10,
    select: {
      id: true,
      familyName: true,
      givenName: true,
      familyNameKana: true,
      givenNameKana: true,
      birthDate: true,
      userId: true,
    },
  });
  return found.map((s) => ({
    id: s.id,
    familyName: s.familyName,
    givenName: s.givenName,
    familyNameKana: s.familyNameKana ?? "",
    givenNameKana: s.givenNameKana ?? "",
    birthDate: s.birthDate ? s.birthDate.toISOString().slice(0, 10) : "",
    hasAccount: s.userId !== null,
  }));
}

export type FoundSubject = Awaited<ReturnType<typeof findSubjects>>[number];
