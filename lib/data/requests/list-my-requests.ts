import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";

import { requestScope } from "./get-request";

/** The signed-in person's own requests, newest first. */
export async function listMyRequests(options: { actor: Actor }) {
  return getDb().request.findMany({
    where: { AND: [requestScope(options.actor), { filedById: options.actor.userId }] },
    orderBy: { receivedAt: "desc" },
    take: 50,
    select: {
      reference: true,
      type: true,
      status: true,
      receivedAt: true,
      dueAt: true,
      outcome: true,
      residenceCountry: true,
      residenceRegion: true,
    },
  });
}
