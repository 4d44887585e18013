"use client";

import "./globals.css";

import { errors } from "@/lib/i18n/messages/sections/errors";

// The last resort, for an error in the layout itself (app/[locale]/layout.tsx): it replaces the
// whole document, so there is no provider to say the language and both show, Japanese first.
// The strings come from the errors section alone, not the whole catalogue.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : undefined;
  return (
    <html lang="ja">
      <body>
        <title>{`${errors.ja.errorTitle} / ${errors.en.errorTitle}`}</title>
        <main id="main">
          {(["ja", "en"] as const).map((locale) => {
            const text = errors[locale];
            return (
              <section key={locale} lang={locale} aria-labelledby={`global-error-${locale}`}>
                {locale === "ja" ? (
                  <h1 id="global-error-ja">{text.errorTitle}</h1>
                ) : (
                  <h2 id="global-error-en">{text.errorTitle}</h2>
                )}
                <p>{digest ? text.errorBody : text.errorBodyNoId}</p>
                {digest && <p>{text.errorId.replace("{id}", digest)}</p>}
                <p className="row">
                  <button type="button" onClick={retry}>
                    {text.retry}
                  </button>
                  <a href={`/${locale}`}>{text.backHome}</a>
                </p>
              </section>
            );
          })}
        </main>
      </body>
    </html>
  );
}
