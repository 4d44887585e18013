import Link from "next/link";

import { applyGpcSignal, GpcNotice } from "@/components/privacy/gpc-notice";

import { ClientSections } from "@/components/i18n/client-sections";
import { ForeignNotes } from "@/components/ledger/foreign-notes";
import { LedgerEntries } from "@/components/ledger/ledger-entries";
import { LedgerFilterForm } from "@/components/ledger/ledger-filter-form";
import { LedgerPager } from "@/components/ledger/ledger-pager";
import { ReceiptList } from "@/components/ledger/receipt-list";
import { pageActor } from "@/lib/auth/page-actor";
import { listLedgerFilterOptions } from "@/lib/data/ledger/list-ledger-filter-options";
import { listMyProvisions } from "@/lib/data/ledger/list-my-provisions";
import { listMyReceipts } from "@/lib/data/ledger/list-my-receipts";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator, isMessageKey } from "@/lib/i18n/translate";
import { filterToSearch, parseLedgerFilter } from "@/lib/ledger/filter";
import { keepRecipientInClass } from "@/lib/ledger/recipient-choice";
import { presentLedgerRow } from "@/lib/ledger/present";
import { RECEIPTS_PAGE_LIMIT } from "@/lib/ledger/receipts";
import { SearchX } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";

export const dynamic = "force-dynamic";

export default async function MyLedgerPage(props: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const locale = toLocale((await props.params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  // The browser's GPC signal first: what it stops is part of what this page shows.
  const gpc = await applyGpcSignal(actor);
  const parsed = parseLedgerFilter(await props.searchParams);
  const loadingOptions = listLedgerFilterOptions({ actor, locale });
  // Only a URL naming both a class and a recipient waits for the options before the query.
  const { filter, error } =
    parsed.filter.recipientClass && parsed.filter.recipient
      ? keepRecipientInClass(parsed.filter, (await loadingOptions).recipients)
      : { filter: parsed.filter, error: undefined };
  const [page, options, receipts] = await Promise.all([
    listMyProvisions({ actor, filter }),
    loadingOptions,
    listMyReceipts({
      actor,
      locale,
      from: filter.from,
      to: filter.to,
      limit: RECEIPTS_PAGE_LIMIT,
    }),
  ]);
  const base = `/${locale}/me/ledger`;
  const search = filterToSearch(filter);
  const entries = page.rows.map((row) => presentLedgerRow(row, locale));
  const exportHref = (format: "csv" | "json") =>
    `${base}/export?${filterToSearch(filter, { format })}`;
  const errorList = [...Object.values(parsed.errors), ...(error ? [error] : [])];

  return (
    <>
      <h1>{t("ledger.title")}</h1>
      <p>{t("ledger.intro")}</p>
      <p>
        <Link href={`/${locale}/me`}>{t("ledger.backToMe")}</Link> ·{" "}
        <Link href={`/${locale}/me/data`}>{t("ledger.myData.link")}</Link>
      </p>
      <ClientSections locale={locale} sections={["gpc"]}>
        <GpcNotice actor={actor} signal={gpc} locale={locale} t={t} />
      </ClientSections>
      {errorList.length > 0 && (
        <div className="alert" role="alert">
          <p>{t("ledger.filter.ignored")}</p>
          <ul>
            {[...new Set(errorList)].map((key) => (
              <li key={key}>{isMessageKey(key) ? t(key) : key}</li>
            ))}
          </ul>
        </div>
      )}
      <ClientSections locale={locale} sections={["recipientClass"]}>
        <LedgerFilterForm action={base} filter={filter} options={options} clearHref={base} t={t} />
      </ClientSections>
      <section aria-labelledby="ledger-results-title">
        <h2 id="ledger-results-title" aria-live="polite">
          {t("ledger.total", { count: page.total ?? 0 })}
        </h2>
        {entries.length === 0 ? (
          <EmptyState icon={SearchX} title={t("ledger.empty")} testId="ledger-empty" />
        ) : (
          <>
            <p>{t("ledger.showing", { count: entries.length })}</p>
            <LedgerEntries entries={entries} locale={locale} t={t} />
          </>
        )}
        <LedgerPager
          base={base}
          search={search}
          newerCursor={page.newerCursor}
          olderCursor={page.olderCursor}
          onFirstPage={!filter.after && !filter.before}
          t={t}
        />
      </section>
      <ForeignNotes entries={entries} t={t} />
      <ReceiptList
        receipts={receipts}
        truncated={receipts.length === RECEIPTS_PAGE_LIMIT}
        locale={locale}
        t={t}
      />
      <section aria-labelledby="ledger-export-title">
        <h2 id="ledger-export-title">{t("ledger.export.title")}</h2>
        <p>{t("ledger.export.help")}</p>
        <ul>
          <li>
            <a href={exportHref("csv")} download>
              {t("ledger.export.csv")}
            </a>
          </li>
          <li>
            <a href={exportHref("json")} download>
              {t("ledger.export.json")}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
