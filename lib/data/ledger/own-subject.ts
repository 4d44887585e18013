import "server-only";

import { cache } from "react";

import type { Actor } from "@/lib/auth/actor";
import { sqlRows } from "@/lib/db";
import { subjectOfUserQuery } from "@/lib/ledger/query";

/**
 * The subject record of the signed-in person, looked up from the actor's own user id (never from
 * anything the client sends); null when the person has none, which means an empty ledger. The
 * ledger page's entries and receipts both ask: one server render asks the database once.
 */
export const ownSubjectId = cache(async (actor: Actor): Promise<string | null> => {
  const [subject] = await sqlRows<{ id: string }>(subjectOfUserQuery(actor.userId));
  return subject?.id ?? null;
});
