import Link from "next/link";

import { isDemoMode } from "@/lib/env";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

export default async function CheckEmailPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  return (
    <>
      <h1>{t("signIn.checkTitle")}</h1>
      <p>{t("signIn.checkBody")}</p>
      {isDemoMode() && (
        <p className="notice">
          {t("signIn.checkDemo")}{" "}
          <Link href={`/${locale}/dev/mailbox`}>{t("signIn.openMailbox")}</Link>
        </p>
      )}
    </>
  );
}
