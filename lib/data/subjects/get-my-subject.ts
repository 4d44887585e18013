import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";

/** The data-subject record linked to the signed-in person, for prefilling forms. */
export async function getMySubject(options: { actor: Actor }) {
  return getDb().subject.findUnique({
    where: { userId: options.actor.userId },
    select: {
      familyName: true,
      givenName: true,
      familyNameKana: true,
      givenNameKana: true,
      birthDate: true,
      residenceCountry: true,
      residenceRegion: true,
    },
  });
}
