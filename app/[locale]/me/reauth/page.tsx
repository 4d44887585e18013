import { PasskeyButton } from "@/components/auth/passkey-sign-in";
import { ClientSections } from "@/components/i18n/client-sections";
import { pageActor } from "@/lib/auth/page-actor";
import { getDb } from "@/lib/db";
import { hasPasskey } from "@/lib/data/passkeys/manage";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

import { ReauthForm } from "./reauth-form";

export const dynamic = "force-dynamic";

/** Asks for a fresh sign-in before a result is released (the link returns to `next`). */
export default async function ReauthPage(props: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ next?: string }>;
}) {
  const locale = toLocale((await props.params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  const asked = (await props.searchParams).next;
  const next = asked && asked.startsWith(`/${locale}/me`) ? asked : `/${locale}/me`;
  return (
    <ClientSections locale={locale} sections={["signIn", "passkeys"]}>
      <h1>{t("signIn.reauthTitle")}</h1>
      <p>{t("signIn.reauthBody")}</p>
      {(await hasPasskey(getDb(), actor.userId)) && <PasskeyButton next={next} label="confirm" />}
      <ReauthForm email={actor.email} next={next} />
    </ClientSections>
  );
}
