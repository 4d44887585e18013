import { redirect } from "next/navigation";

import { PasskeyStep } from "@/components/auth/passkey-step";
import { ClientSections } from "@/components/i18n/client-sections";
import { getSessionState } from "@/lib/auth/actor";
import { secondFactorDone } from "@/lib/auth/second-factor";
import { getDb } from "@/lib/db";
import { hasPasskey } from "@/lib/data/passkeys/manage";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

/** After the mail link, staff confirm with a passkey (or register their first one). */
export default async function PasskeyStepPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const state = await getSessionState();
  if (!state) redirect(`/${locale}/sign-in`);
  if (secondFactorDone(state.role, state)) redirect(`/${locale}/me`);
  return (
    <ClientSections locale={locale} sections={["passkeys"]}>
      <h1>{t("passkeys.stepTitle")}</h1>
      <p>{t("passkeys.stepIntro")}</p>
      <PasskeyStep hasPasskey={await hasPasskey(getDb(), state.user.id)} next={`/${locale}/me`} />
    </ClientSections>
  );
}
