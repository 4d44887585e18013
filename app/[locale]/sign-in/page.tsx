import { PasskeyButton } from "@/components/auth/passkey-sign-in";
import { ClientSections } from "@/components/i18n/client-sections";
import { toLocale } from "@/lib/i18n/config";
import { publicPageMetadata } from "@/lib/i18n/public-metadata";
import { getTranslator } from "@/lib/i18n/translate";

import { SignInForm } from "./deferred-sign-in-form";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = publicPageMetadata(
  "/sign-in",
  (t, name) => `${t("signIn.title")} | ${name}`,
  "signIn.metaDescription",
);

export default async function SignInPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  return (
    <ClientSections locale={locale} sections={["signIn", "passkeys"]}>
      <h1>{t("signIn.title")}</h1>
      <p>{t("signIn.intro")}</p>
      <SignInForm />
      <section aria-labelledby="passkey-sign-in">
        <h2 id="passkey-sign-in">{t("passkeys.signInWithPasskey")}</h2>
        <p>{t("passkeys.signInWithPasskeyHelp")}</p>
        <PasskeyButton next={`/${locale}/me`} label="signIn" />
      </section>
    </ClientSections>
  );
}
