import type { RequestView } from "@/lib/data/requests/get-request";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

export const resultHref = (locale: Locale, reference: string, packageId: string) =>
  `/${locale}/me/requests/${encodeURIComponent(reference)}/result/${encodeURIComponent(packageId)}`;

/**
 * Released results with their expiry; downloading asks for a recent sign-in (the route checks).
 * A disclosure has the format the person chose and the readable document beside it.
 */
export function ResultList(props: {
  reference: string;
  packages: RequestView["packages"];
  locale: Locale;
  t: Translate;
  now: Date;
}) {
  const { reference, packages, locale, t, now } = props;
  if (packages.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="result-title">
      <h2 id="result-title">{t("request.resultTitle")}</h2>
      <p>{t("request.resultReauth")}</p>
      <ul>
        {packages.map((p) => {
          const expired = !!p.expiresAt && p.expiresAt <= now;
          const label = t(`disclosurePackage.download.${p.format}`);
          return (
            <li key={p.id}>
              {expired ? (
                <span>
                  {label} ({t("request.resultExpiredShort")})
                </span>
              ) : (
                // No `download` attribute: when the sign-in is too old the route sends the person
                // to sign in again, and a download attribute would save that page as the file.
                <a href={resultHref(locale, reference, p.id)}>{label}</a>
              )}{" "}
              {p.expiresAt && !expired && (
                <small>
                  {t("request.resultExpires", { date: formatDate(locale, p.expiresAt) })}
                </small>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
