import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

import { LETTER_FACTS_SELECT } from "../letters/letter-facts";

/**
 * Where-clause for requests an actor may see: staff see any; a subject sees the requests they
 * filed or that concern them; anyone else, nothing. Out-of-scope rows are simply "not found".
 */
export function requestScope(actor: Actor): Prisma.RequestWhereInput {
  if (can(actor.role, "request:read-any")) return {};
  if (actor.role === "SUBJECT") {
    return { OR: [{ filedById: actor.userId }, { subject: { userId: actor.userId } }] };
  }
  return { id: { in: [] } };
}

/** One request with its timeline, as the actor may see it; null when out of scope or unknown. */
export async function getRequest(options: { actor: Actor; reference: string }) {
  const { actor, reference } = options;
  const staff = can(actor.role, "request:read-any");
  return getDb().request.findFirst({
    where: { AND: [{ reference }, requestScope(actor)] },
    select: {
      // Its letters' facts too, so the page lists them without a query of its own.
      ...LETTER_FACTS_SELECT,
      id: true,
      filerRole: true,
      channel: true,
      jurisdictions: true,
      residenceCountry: true,
      residenceRegion: true,
      details: true,
      dueAt: true,
      extendedDueAt: true,
      acknowledgedAt: true,
      ackDueAt: true,
      identityVerifiedAt: true,
      subject: staff
        ? {
            select: {
              familyName: true,
              givenName: true,
              familyNameKana: true,
              givenNameKana: true,
              birthDate: true,
              email: true,
            },
          }
        : { select: { familyName: true, givenName: true } },
      assignee: { select: { name: true } },
      filedById: true,
      packages: {
        where: { releasedAt: { not: null } },
        orderBy: { createdAt: "desc" },
        select: { id: true, format: true, expiresAt: true, releasedAt: true },
      },
      agentDetails: staff,
      messages: {
        where: staff ? {} : { direction: { not: "INTERNAL_NOTE" } },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          direction: true,
          body: true,
          createdAt: true,
          author: { select: { name: true } },
          attachments: { select: { id: true, fileName: true, sizeBytes: true } },
        },
      },
      events: {
        where: staff ? {} : { visibleToRequester: true },
        orderBy: { at: "asc" },
        select: {
          id: true,
          kind: true,
          fromStatus: true,
          toStatus: true,
          note: true,
          at: true,
          data: true,
        },
      },
    },
  });
}

export type RequestView = NonNullable<Awaited<ReturnType<typeof getRequest>>>;
