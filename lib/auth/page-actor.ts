import "server-only";

import { redirect } from "next/navigation";

import type { Locale } from "@/lib/i18n/config";

import { getActor, getSessionState, type Actor } from "./actor";

/**
 * For pages: the signed-in actor, or a redirect to sign-in — or, for staff who signed in by mail
 * and have not yet used their passkey, to the passkey step (comfort; data functions re-check).
 */
export async function pageActor(locale: Locale): Promise<Actor> {
  const actor = await getActor();
  if (actor) return actor;
  if (await getSessionState()) redirect(`/${locale}/sign-in/passkey`);
  redirect(`/${locale}/sign-in`);
}
