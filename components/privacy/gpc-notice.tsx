import Link from "next/link";
import { headers } from "next/headers";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { honourGpc, myGpcOptOut } from "@/lib/data/privacy-signals/gpc";
import { gpcRequested } from "@/lib/http/gpc";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

import { GpcProbe } from "./gpc-probe";

/**
 * Honours the request's `Sec-GPC: 1` for the signed-in person (lib/data/privacy-signals/gpc.ts,
 * once per person); the person's own pages (my page, my data, the ledger) call it before they
 * read what it changes. Returns whether the request carried the signal.
 */
export async function applyGpcSignal(actor: Actor): Promise<boolean> {
  if (!can(actor.role, "privacy-signal:own")) return false;
  const signal = gpcRequested(await headers());
  if (signal) await honourGpc({ actor });
  return signal;
}

/**
 * The signal on the person's own pages: once honoured, since when and what it stopped. Without
 * the header (`signal` false) the page asks the browser itself (GpcProbe, whose text the page
 * gives with <ClientSections sections={["gpc"]}>).
 */
export async function GpcNotice(props: {
  actor: Actor;
  signal: boolean;
  locale: Locale;
  t: Translate;
}) {
  const { actor, signal, locale, t } = props;
  if (!can(actor.role, "privacy-signal:own")) return null;
  const mine = await myGpcOptOut({ actor });
  if (!mine)
    return signal ? (
      <p className="info" data-testid="gpc-no-record">
        {t("gpc.noRecord")}
      </p>
    ) : (
      <GpcProbe signedIn />
    );
  const name = (o: { nameJa: string; nameEn: string }) => (locale === "ja" ? o.nameJa : o.nameEn);
  return (
    <section className="info" aria-labelledby="gpc-title" data-testid="gpc-notice">
      <h2 id="gpc-title">{t("gpc.honouredTitle")}</h2>
      <p>{t("gpc.honouredSince", { date: formatDate(locale, mine.since) })}</p>
      {mine.restrictions.length === 0 ? (
        <p>{t("gpc.nothingToStop")}</p>
      ) : (
        <ul>
          {mine.restrictions.map((r, i) => (
            <li key={i}>
              {r.purpose
                ? t("gpc.stoppedPurpose", { name: name(r.purpose) })
                : r.recipient
                  ? t("gpc.stoppedRecipient", { name: name(r.recipient) })
                  : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href={`/${locale}/privacy#gpc`}>{t("gpc.learnMore")}</Link>
      </p>
    </section>
  );
}

/**
 * To a visitor not signed in (the landing page): their browser's signal is acknowledged, to be
 * applied when they sign in; without the header, the browser itself is asked (GpcProbe).
 */
export async function GpcVisitorNotice({ t }: { t: Translate }) {
  const signal = gpcRequested(await headers());
  if (signal)
    return (
      <p className="info" data-testid="gpc-acknowledged">
        {t("gpc.acknowledged")}
      </p>
    );
  return <GpcProbe signedIn={false} />;
}
