import Link from "next/link";

import { REQUEST_TYPES } from "@/lib/requests/vocabulary";
import { getActor } from "@/lib/auth/actor";
import { DEMO_ACCOUNTS } from "@/lib/demo";
import { isDemoMode } from "@/lib/env";
import { toLocale } from "@/lib/i18n/config";
import { publicPageMetadata } from "@/lib/i18n/public-metadata";
import { getTranslator } from "@/lib/i18n/translate";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = publicPageMetadata("", (t) => t("app.name"), "app.description");

export default async function HomePage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await getActor();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p>{t("home.intro")}</p>
      <p>
        {actor ? (
          <Link className="button" href={`/${locale}/me`}>
            {t("home.ctaMe")}
          </Link>
        ) : (
          <Link className="button" href={`/${locale}/sign-in`}>
            {t("home.ctaSignIn")}
          </Link>
        )}
      </p>
      <h2>{t("home.rightsTitle")}</h2>
      <ul>
        {REQUEST_TYPES.map((type) => (
          <li key={type}>
            <strong>{t(`requestType.${type}`)}</strong>: {t(`requestTypeHelp.${type}`)}
          </li>
        ))}
      </ul>
      {isDemoMode() && (
        <aside className="notice" aria-labelledby="demo-title">
          <h2 id="demo-title">{t("home.demoTitle")}</h2>
          <p>{t("home.demoBody", { accounts: DEMO_ACCOUNTS })}</p>
          <Link href={`/${locale}/dev/mailbox`}>{t("signIn.openMailbox")}</Link>
        </aside>
      )}
    </>
  );
}
