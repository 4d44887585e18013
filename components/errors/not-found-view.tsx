"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useSyncExternalStore } from "react";

import { useI18n } from "@/components/i18n/i18n-provider";

const noSubscription = () => () => {};

// "Back" is offered only when the previous page was one of ours: history.back() would otherwise
// leave the site, or do nothing on a first visit.
function cameFromThisSite(): boolean {
  if (!document.referrer) return false;
  try {
    return new URL(document.referrer).origin === window.location.origin;
  } catch {
    return false;
  }
}

export function NotFoundView({ myPage }: { myPage: boolean }) {
  const { locale, t } = useI18n();
  const router = useRouter();
  const canGoBack = useSyncExternalStore(noSubscription, cameFromThisSite, () => false);
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t("errors.notFoundTitle")}</h1>
      <p>{t("errors.notFoundBody")}</p>
      <nav aria-label={t("errors.wayOut")}>
        <ul>
          <li>
            <Link href={`/${locale}`}>{t("errors.backHome")}</Link>
          </li>
          {canGoBack && (
            <li>
              <button type="button" className="link" onClick={() => router.back()}>
                {t("errors.goBack")}
              </button>
            </li>
          )}
          {myPage && (
            <li>
              <Link href={`/${locale}/me`}>{t("errors.toMyPage")}</Link>
            </li>
          )}
        </ul>
      </nav>
    </section>
  );
}
