import { FileText } from "lucide-react";

import { letterFactsOf, type LetterFactsRow } from "@/lib/data/letters/letter-facts";
import { locales, type Locale } from "@/lib/i18n/config";
import { formatDateWithEra } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { lettersOf } from "@/lib/letters/letters";

export const letterHref = (locale: Locale, reference: string, kind: string) =>
  `/${locale}/requests/${encodeURIComponent(reference)}/letters/${kind}`;

/**
 * The letters issued about a request (lib/letters/) as PDF downloads: the requester's in the
 * page's language; staff, who print them for a reply by post, get each in both languages.
 */
export function LetterList(props: {
  /** The request as the page read it (its select includes LETTER_FACTS_SELECT). */
  request: LetterFactsRow;
  locale: Locale;
  t: Translate;
  audience: "requester" | "staff";
  /** The reader's time zone, as the letters themselves date things (Japan time for staff). */
  zone?: string;
}) {
  const { request, locale, t, audience, zone } = props;
  const { reference } = request;
  const letters = lettersOf(letterFactsOf(request));
  if (letters.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="letters-title" data-testid="letters">
      <h2 id="letters-title">{t("letters.title")}</h2>
      <p className="help">{t(audience === "staff" ? "letters.staffIntro" : "letters.intro")}</p>
      <ul className="letters">
        {letters.map(({ kind, issuedAt }) => (
          <li key={kind}>
            <FileText aria-hidden="true" size={18} />
            <span>
              {audience === "staff" ? (
                // The letter's name once, then one link per language; each link's name says both,
                // its visible language first.
                <>
                  {t(`letters.kind.${kind}`)}:{" "}
                  {locales.map((language, i) => (
                    <span key={language}>
                      {i > 0 && " · "}
                      <a
                        href={letterHref(language, reference, kind)}
                        download
                        hrefLang={language}
                        aria-label={t("letters.languageLink", {
                          language: t(`letters.languageName.${language}`),
                          letter: t(`letters.kind.${kind}`),
                        })}
                      >
                        {t(`letters.languageName.${language}`)}
                      </a>
                    </span>
                  ))}
                </>
              ) : (
                <a href={letterHref(locale, reference, kind)} download>
                  {t("letters.download", { letter: t(`letters.kind.${kind}`) })}
                </a>
              )}{" "}
              <small>
                {t("letters.issuedOn", { date: formatDateWithEra(locale, issuedAt, zone) })}
              </small>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
