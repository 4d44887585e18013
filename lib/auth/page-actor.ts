import "server-only";

import { redirect } from "next/navigation";

import type { Locale } from "@/lib/i18n/config";

import { getActor, type Actor } from "./actor";

/** For pages: the signed-in actor, or a redirect to sign-in (comfort; data functions re-check). */
export async function pageActor(locale: Locale): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/${locale}/sign-in`);
  return actor;
}
