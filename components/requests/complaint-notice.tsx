import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";
import type { ComplaintAuthority } from "@/lib/requests/complaints";

/**
 * Where the person may complain about a refusal, a partial refusal or an extension: each
 * applicable law's supervisory authority, and the courts.
 */
export function ComplaintNotice(props: {
  authorities: readonly ComplaintAuthority[];
  locale: Locale;
  t: Translate;
}) {
  const { authorities, locale, t } = props;
  return (
    <section className="notice" aria-labelledby="complaint-title" data-testid="complaint-notice">
      <h2 id="complaint-title">{t("complaints.title")}</h2>
      <p>{t("complaints.intro")}</p>
      <ul>
        {authorities.map((a) => {
          const contact = locale === "ja" ? a.contactJa : a.contactEn;
          return (
            <li key={a.key} data-authority={a.key}>
              <a href={a.url} rel="noopener noreferrer" target="_blank">
                {locale === "ja" ? a.nameJa : a.nameEn}
              </a>
              {contact && <> {t("complaints.contact", { contact })}</>}
            </li>
          );
        })}
      </ul>
      <p>{t("complaints.court")}</p>
    </section>
  );
}
