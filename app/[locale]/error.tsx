"use client";

import Link from "next/link";

import { useI18n } from "@/components/i18n/i18n-provider";

// An unexpected error in a page, shown inside the layout in the page's language. Nothing of the
// error itself reaches the screen (in production Next.js sends the browser only a digest of a
// server error): the digest is the reference that matches the server's log line.
export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const { locale, t } = useI18n();
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : undefined;
  return (
    <section aria-labelledby="error-title">
      <h1 id="error-title">{t("errors.errorTitle")}</h1>
      <div role="alert">
        <p>{t(digest ? "errors.errorBody" : "errors.errorBodyNoId")}</p>
        {digest && <p>{t("errors.errorId", { id: digest })}</p>}
      </div>
      <p className="row">
        <button type="button" onClick={retry}>
          {t("errors.retry")}
        </button>
        <Link href={`/${locale}`}>{t("errors.backHome")}</Link>
      </p>
    </section>
  );
}
