import { ClientSections } from "@/components/i18n/client-sections";
import { cookies } from "next/headers";
import Link from "next/link";
import { forbidden } from "next/navigation";

import { QueueFilterForm } from "@/components/staff/queue/queue-filter-form";
import { QueuePager } from "@/components/staff/queue/queue-pager";
import { QueueShortcuts } from "@/components/staff/queue/queue-shortcuts";
import { QueueSearchForm } from "@/components/staff/queue/queue-search-form";
import { QueueTable } from "@/components/staff/queue/queue-table";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { listAssignees } from "@/lib/data/requests/list-assignees";
import { listQueue } from "@/lib/data/requests/list-queue";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator, isMessageKey } from "@/lib/i18n/translate";
import {
  classifySearch,
  parseQueueFilter,
  QUEUE_SEARCH_COOKIE,
  queueFilterToSearch,
} from "@/lib/validation/queue";
import { CircleCheck } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";

export const dynamic = "force-dynamic";

/** The staff queue: every open request, most urgent first; filters in the URL, search in a cookie. */
export default async function QueuePage(props: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const locale = toLocale((await props.params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "queue:read")) forbidden();
  const { filter, errors } = parseQueueFilter(await props.searchParams);
  const term = (await cookies()).get(QUEUE_SEARCH_COOKIE)?.value.slice(0, 100) ?? "";
  const search = classifySearch(term);
  const [page, assignees] = await Promise.all([
    listQueue({ actor, filter, search }),
    listAssignees({ actor }),
  ]);
  const base = `/${locale}/staff`;
  const query = queueFilterToSearch(filter);
  const errorList = [...new Set(Object.values(errors))];
  const now = new Date();

  return (
    <ClientSections locale={locale} sections={["queue"]}>
      <header className="page-head">
        <h1>{t("staff.queueTitle")}</h1>
        <div className="actions">
          <QueueShortcuts tableId="queue-table" />
          {can(actor.role, "request:enter") && (
            <Link className="button" href={`${base}/requests/new`}>
              {t("queue.enter.link")}
            </Link>
          )}
        </div>
      </header>
      {errorList.length > 0 && (
        <div className="alert" role="alert">
          <p>{t("queue.filter.ignored")}</p>
          <ul>
            {errorList.map((key) => (
              <li key={key}>{isMessageKey(key) ? t(key) : t("validation.invalid")}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="panel toolbar">
        <QueueSearchForm term={term} firstPageHref={query ? `${base}?${query}` : base} />
        <QueueFilterForm action={base} filter={filter} assignees={assignees} t={t} />
      </div>
      <section aria-labelledby="queue-results-title">
        <h2 id="queue-results-title" aria-live="polite" data-testid="queue-total">
          {t(page.more ? "queue.totalMore" : "queue.total", { count: page.total })}
        </h2>
        {search && (
          <p data-testid="queue-search-active">
            {"reference" in search
              ? t("queue.search.activeReference", { term })
              : t("queue.search.activeSubject", { term })}
          </p>
        )}
        {page.closedMatch && (
          <p>
            {t("queue.search.closedMatch", {
              status: t(`status.${page.closedMatch.status}`),
            })}{" "}
            <Link href={`${base}/requests/${page.closedMatch.reference}`}>
              {page.closedMatch.reference}
            </Link>
          </p>
        )}
        {page.rows.length === 0 ? (
          <EmptyState icon={CircleCheck} title={t("staff.queueEmpty")} testId="queue-empty" />
        ) : (
          <QueueTable
            rows={page.rows}
            actorId={actor.userId}
            locale={locale}
            t={t}
            now={now}
            id="queue-table"
            labelledBy="queue-results-title"
          />
        )}
        <QueuePager
          base={base}
          search={query}
          prevCursor={page.prevCursor}
          nextCursor={page.nextCursor}
          onFirstPage={!filter.after && !filter.before}
          t={t}
        />
      </section>
    </ClientSections>
  );
}
