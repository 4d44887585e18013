import Link from "next/link";

import { StackTable } from "@/components/ui/stack-table";

import type { listMyStops } from "@/lib/data/subjects/list-my-stops";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

type Stops = NonNullable<Awaited<ReturnType<typeof listMyStops>>>;
type Named = { nameJa: string; nameEn: string } | null;

/** "What I have stopped": active use restrictions, and consents given or withdrawn. */
export function StoppedSection(props: { stops: Stops; locale: Locale; t: Translate }) {
  const { stops, locale, t } = props;
  // Withdrawing a consent files the request that ends what it allowed: stopping provision to its
  // recipient, or the use for its purpose (APPI Art.35), preselected on the request form.
  const withdrawHref = (c: Stops["consents"][number]) =>
    c.recipient
      ? `/${locale}/me/requests/new/stop-provision?recipient=${encodeURIComponent(c.recipient.key)}`
      : c.purpose
        ? `/${locale}/me/requests/new/suspension-erasure?purpose=${encodeURIComponent(c.purpose.key)}`
        : undefined;
  const name = (o: Named) =>
    o ? (locale === "ja" ? o.nameJa : o.nameEn) : t("ledger.stopped.none");
  return (
    <section aria-labelledby="stopped-title">
      <h2 id="stopped-title">{t("ledger.stopped.title")}</h2>
      <h3 id="restrictions-title">{t("ledger.stopped.restrictionsTitle")}</h3>
      {stops.restrictions.length === 0 ? (
        <p>{t("ledger.stopped.noRestrictions")}</p>
      ) : (
        <StackTable
          labelledBy="restrictions-title"
          columns={[
            t("ledger.stopped.kind"),
            t("ledger.stopped.target"),
            t("ledger.stopped.effectiveAt"),
          ]}
        >
          {stops.restrictions.map((r) => (
            <tr key={r.id} data-restriction={r.kind}>
              <td>
                {t(`ledger.stopped.restrictionKind.${r.kind}`)}
                {r.source !== "REQUEST" && (
                  <div>
                    <small>
                      {r.source === "GPC" ? t("gpc.sourceGpc") : t("ledger.stopped.sourceNotice")}
                    </small>
                  </div>
                )}
              </td>
              <td>
                {r.purpose
                  ? name(r.purpose)
                  : r.recipient
                    ? name(r.recipient)
                    : r.recipientClass
                      ? t(`recipientClass.${r.recipientClass}`)
                      : t("ledger.stopped.none")}
              </td>
              <td>{formatDate(locale, r.effectiveAt)}</td>
            </tr>
          ))}
        </StackTable>
      )}
      <h3 id="consents-title">{t("ledger.stopped.consentsTitle")}</h3>
      {stops.consents.length === 0 ? (
        <p>{t("ledger.stopped.noConsents")}</p>
      ) : (
        <StackTable
          labelledBy="consents-title"
          columns={[
            t("ledger.stopped.kind"),
            t("ledger.stopped.recipient"),
            t("ledger.stopped.purpose"),
            t("ledger.stopped.grantedAt"),
            t("ledger.stopped.withdrawnAt"),
            t("ledger.stopped.status"),
          ]}
        >
          {stops.consents.map((c) => (
            <tr key={c.id} data-consent={c.reference}>
              <td>
                {(locale === "ja" ? c.descriptionJa : c.descriptionEn) || c.kind}
                <div>
                  <small>
                    {t("ledger.stopped.reference")}: {c.reference}
                  </small>
                </div>
              </td>
              <td>{name(c.recipient)}</td>
              <td>{name(c.purpose)}</td>
              <td>{formatDate(locale, c.grantedAt)}</td>
              <td>
                {c.withdrawnAt ? formatDate(locale, c.withdrawnAt) : t("ledger.stopped.none")}
              </td>
              <td>
                <span className="badge">
                  {c.withdrawnAt ? t("ledger.stopped.withdrawn") : t("ledger.stopped.active")}
                </span>
                {!c.withdrawnAt && withdrawHref(c) && (
                  <div>
                    <Link href={withdrawHref(c)!}>{t("ledger.stopped.withdrawConsent")}</Link>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </StackTable>
      )}
    </section>
  );
}
