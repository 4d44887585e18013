import { ClientSections } from "@/components/i18n/client-sections";
import { pageActor } from "@/lib/auth/page-actor";
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
  const next = (await props.searchParams).next;
  return (
    <ClientSections locale={locale} sections={["signIn"]}>
      <h1>{t("signIn.reauthTitle")}</h1>
      <p>{t("signIn.reauthBody")}</p>
      <ReauthForm
        email={actor.email}
        next={next && next.startsWith(`/${locale}/me`) ? next : `/${locale}/me`}
      />
    </ClientSections>
  );
}
