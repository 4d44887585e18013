import Link from "next/link";

import { SubmitButton } from "@/components/forms/submit-button";
import { getActor, getSessionState } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { portalName } from "@/lib/brand/name";
import type { Brand } from "@/lib/brand/read-brand";
import { isDemoMode } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";
import { signOut } from "@/lib/actions/auth/sign-out";

import { LanguageSwitcher } from "./language-switcher";
import { MenuButton } from "./menu-button";
import { NavLink } from "./nav-link";

export async function SiteHeader({ locale, brand }: { locale: Locale; brand: Brand }) {
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
          <img
            src={brand.logoVersion ? `/brand/logo?v=${brand.logoVersion}` : "/brand/logo.svg"}
            alt=""
            width={28}
            height={28}
          />
          <span>{portalName(brand, locale, t)}</span>
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
              <NavLink href={`/${locale}/privacy`}>{t("nav.privacy")}</NavLink>
            </li>
            {actor?.role === "SUBJECT" && (
              <li>
                <NavLink href={`/${locale}/me`} match="prefix">
                  {t("nav.me")}
                </NavLink>
              </li>
            )}
            {/* Staff and managers reach their work through one link; the workspace's sidebar
                (workspace-shell.tsx) has the queue, approvals, dashboard and settings. */}
            {actor && can(actor.role, "queue:read") && (
              <li>
                <NavLink href={`/${locale}/staff`} also={[`/${locale}/manager`]} match="prefix">
                  {t("nav.workspace")}
                </NavLink>
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
                <NavLink href={`/${locale}/account`}>{t("nav.account")}</NavLink>
              </li>
            )}
            <li>
              {signedIn ? (
                <form action={signOut}>
                  <input type="hidden" name="locale" value={locale} />
                  <SubmitButton pending={false} className="link">
                    {t("nav.signOut")}
                  </SubmitButton>
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
