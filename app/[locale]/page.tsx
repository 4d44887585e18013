import Link from "next/link";

import { ClientSections } from "@/components/i18n/client-sections";

import { GpcVisitorNotice } from "@/components/privacy/gpc-notice";
import { RequestTypeIcon } from "@/components/requests/request-type-icon";
import { REQUEST_TYPES } from "@/lib/requests/vocabulary";
import { getActor } from "@/lib/auth/actor";
import { DEMO_ACCOUNTS } from "@/lib/demo";
import { isDemoMode } from "@/lib/env";
import { toLocale } from "@/lib/i18n/config";
import { publicPageMetadata } from "@/lib/i18n/public-metadata";
import { getTranslator } from "@/lib/i18n/translate";

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = publicPageMetadata("", (_t, name) => name, "app.description");

export default async function HomePage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await getActor();
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t("home.title")}</h1>
        <p>{t("home.intro")}</p>
        <p className="actions">
          {actor ? (
            <Link className="button" href={`/${locale}/me`}>
              {t("home.ctaMe")}
            </Link>
          ) : (
            <Link className="button" href={`/${locale}/sign-in`}>
              {t("home.ctaSignIn")}
            </Link>
          )}
          <Link className="button secondary" href={`/${locale}/privacy`}>
            {t("nav.privacy")}
          </Link>
        </p>
      </section>
      <ClientSections locale={locale} sections={["gpc"]}>
        {!actor && <GpcVisitorNotice t={t} />}
      </ClientSections>
      <h2>{t("home.rightsTitle")}</h2>
      <ul className="rights">
        {REQUEST_TYPES.map((type) => (
          <li key={type} className="panel">
            <span className="choice-icon">
              <RequestTypeIcon type={type} />
            </span>
            <h3>{t(`requestType.${type}`)}</h3>
            <p className="help">{t(`requestTypeHelp.${type}`)}</p>
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
