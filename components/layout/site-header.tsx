import Link from "next/link";

import { getActor, getSessionState } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { isDemoMode } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";
import { signOut } from "@/lib/actions/auth/sign-out";

import { LanguageSwitcher } from "./language-switcher";
import { MenuButton } from "./menu-button";

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = getTranslator(locale);
  const actor = await getActor();
  // Staff between the mail link and their passkey are not yet anyone, but may sign out.
  const signedIn = actor !== null || (await getSessionState()) !== null;
  return (
    <header className="site">
      <div className="bar">
        <Link className="brand" href={`/${locale}`}>
          {/* Decorative: the link's name is the organisation's, beside it. */}
          {/* eslint-disable-next-line @next/next/no-img-element -- a 2 kB SVG needs no optimiser */}
          <img src="/brand/logo.svg" alt="" width={28} height={28} />
          <span>{t("app.name")}</span>
        </Link>
        <MenuButton controls="site-menu" />
        <noscript>
          <style>
            {"header.site nav#site-menu { display: block; } .menu-button { display: none; }"}
          </style>
        </noscript>
        <nav id="site-menu" aria-label={t("app.mainNav")}>
          <ul>
            <li>
              <Link href={`/${locale}/privacy`}>{t("nav.privacy")}</Link>
            </li>
            {actor?.role === "SUBJECT" && (
              <li>
                <Link href={`/${locale}/me`}>{t("nav.me")}</Link>
              </li>
            )}
            {actor && can(actor.role, "queue:read") && (
              <li>
                <Link href={`/${locale}/staff`}>{t("nav.staff")}</Link>
              </li>
            )}
            {actor && can(actor.role, "request:approve") && (
              <li>
                <Link href={`/${locale}/staff/approvals`}>{t("nav.approvals")}</Link>
              </li>
            )}
            {actor && can(actor.role, "manager:dashboard") && (
              <li>
                <Link href={`/${locale}/manager`}>{t("nav.manager")}</Link>
              </li>
            )}
            {isDemoMode() && (
              <li>
                <Link href={`/${locale}/dev/mailbox`}>{t("nav.mailbox")}</Link>
              </li>
            )}
            <li>
              <LanguageSwitcher />
            </li>
            {actor && (
              <li>
                <Link href={`/${locale}/account`}>{t("nav.account")}</Link>
              </li>
            )}
            <li>
              {signedIn ? (
                <form action={signOut}>
                  <input type="hidden" name="locale" value={locale} />
                  <button type="submit" className="link">
                    {t("nav.signOut")}
                  </button>
                </form>
              ) : (
                <Link href={`/${locale}/sign-in`}>{t("nav.signIn")}</Link>
              )}
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
