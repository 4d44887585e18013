import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

import { SignInForm } from "./sign-in-form";

export default async function SignInPage({ params }: { params: Promise<{ locale: string }> }) {
  const t = getTranslator(toLocale((await params).locale));
  return (
    <>
      <h1>{t("signIn.title")}</h1>
      <p>{t("signIn.intro")}</p>
      <SignInForm />
    </>
  );
}
