import { headers } from "next/headers";
import { notFound } from "next/navigation";

import { listDevMail } from "@/lib/data/mail/list-dev-mail";
import { fromThisMachine } from "@/lib/http/peer";
import { toLocale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <pre className="mail">
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

export default async function MailboxPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const mails = await listDevMail({ local: fromThisMachine(await headers()) });
  if (!mails) notFound();
  return (
    <>
      <h1>{t("mailbox.title")}</h1>
      <p>{t("mailbox.intro")}</p>
      {mails.length === 0 && <p>{t("mailbox.empty")}</p>}
      {mails.map((mail) => (
        <article key={mail.id} className="panel" aria-labelledby={`mail-${mail.id}`}>
          <h2 id={`mail-${mail.id}`}>{mail.subject}</h2>
          <dl className="facts">
            <dt>{t("mailbox.to")}</dt>
            <dd data-testid="mail-to">{mail.to}</dd>
            <dt>{t("mailbox.at")}</dt>
            <dd>
              <time dateTime={mail.createdAt.toISOString()}>
                {formatDateTime(locale, mail.createdAt)}
              </time>
            </dd>
          </dl>
          {/* The HTML part as a mail program would show it: sandboxed (no script, no same
              origin), its links opening in this tab. */}
          {mail.html && (
            <iframe
              className="mail-html"
              title={t("mailbox.html", { subject: mail.subject })}
              sandbox="allow-top-navigation-by-user-activation"
              srcDoc={`<base target="_top">${mail.html}`}
            />
          )}
          <h3>{t("mailbox.text")}</h3>
          <Linkified text={mail.text} />
        </article>
      ))}
    </>
  );
}
