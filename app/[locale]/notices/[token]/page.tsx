import { SubmitButton } from "@/components/forms/submit-button";

import { confirmNotice } from "@/lib/actions/notices/confirm-notice";
import { openNotice } from "@/lib/data/fulfilment/notices";
import { toLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { linkPageMetadata } from "@/lib/i18n/public-metadata";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

// Public, for a recipient of a person's data: the onward notice its mail linked to (GDPR Art.19),
// opened by the link's token alone. It shows who the person is, what was done and, for a
// correction, the corrected values of the categories the recipient received; then one button
// to confirm. The token never leaves this page (no referrer, not indexed).

type Props = { params: Promise<{ locale: string; token: string }> };

export const generateMetadata = linkPageMetadata("fulfilment.onward.page.title");

export default async function NoticePage({ params }: Props) {
  const { locale: raw, token } = await params;
  const locale = toLocale(raw);
  const t = getTranslator(locale);
  const notice = await openNotice(token, locale);
  if (!notice)
    return (
      <>
        <h1>{t("fulfilment.onward.page.title")}</h1>
        <p role="alert" className="alert">
          {t("fulfilment.onward.page.invalid")}
        </p>
      </>
    );
  const separator = locale === "ja" ? "、" : ", ";
  return (
    <>
      <h1>{t("fulfilment.onward.page.title")}</h1>
      <p>
        {t("fulfilment.onward.page.intro", {
          organisation: notice.organisation,
          recipient: notice.recipient,
        })}
      </p>
      <dl className="facts" data-testid="notice-facts">
        <dt>{t("fulfilment.onward.page.action")}</dt>
        <dd>{t(`fulfilment.notices.kind.${notice.kind}`)}</dd>
        <dt>{t("fulfilment.onward.page.person")}</dt>
        <dd>{notice.person.name}</dd>
        {notice.person.email && (
          <>
            <dt>{t("fulfilment.onward.page.email")}</dt>
            <dd>{notice.person.email}</dd>
          </>
        )}
        {notice.items.length > 0 && (
          <>
            <dt>{t("fulfilment.onward.page.items")}</dt>
            <dd>{notice.items.join(separator)}</dd>
          </>
        )}
        <dt>{t("fulfilment.onward.page.sentAt")}</dt>
        <dd>{formatDate(locale, notice.sentAt)}</dd>
      </dl>
      {notice.corrections.length > 0 && (
        <section aria-labelledby="notice-corrections-title">
          <h2 id="notice-corrections-title">{t("fulfilment.onward.page.corrections")}</h2>
          <ul>
            {notice.corrections.map((c, i) => (
              <li key={i}>
                {t(`fulfilment.onward.page.correctionAction.${c.action}`)}: {c.item}
                {c.after !== null && <> — {c.after}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {notice.confirmedAt ? (
        <p role="status" className="success">
          {t("fulfilment.onward.page.confirmed", {
            date: formatDate(locale, notice.confirmedAt),
          })}
        </p>
      ) : (
        <form action={confirmNotice}>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="locale" value={locale} />
          <SubmitButton pending={false}>{t("fulfilment.onward.page.confirm")}</SubmitButton>
        </form>
      )}
    </>
  );
}
