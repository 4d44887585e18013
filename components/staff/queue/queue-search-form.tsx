"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { useI18n } from "@/components/i18n/i18n-provider";
import { setQueueSearch } from "@/lib/actions/staff/set-queue-search";
import type { MessageKey } from "@/lib/i18n/translate";

/**
 * Search by reference or by the subject's name, kana or email. The term is posted to a server
 * action that keeps it in a short-lived httpOnly cookie, never in the URL (personal data); the
 * page then reloads from the first page with the same filters.
 */
export function QueueSearchForm(props: { term: string; firstPageHref: string }) {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [term, setTerm] = useState(props.term);
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<MessageKey>();
  const submit = (value: string) =>
    startTransition(async () => {
      setFailure(undefined);
      const result = await setQueueSearch({ term: value, locale });
      if (!result.ok) return setFailure(result.fieldErrors?.term ?? result.error);
      if (value === "") setTerm("");
      router.push(props.firstPageHref);
      router.refresh();
    });
  return (
    <form
      role="search"
      aria-labelledby="queue-search-title"
      onSubmit={(e) => {
        e.preventDefault();
        submit(term);
      }}
    >
      <h2 id="queue-search-title">{t("queue.search.title")}</h2>
      <div className="field">
        <label htmlFor="queue-search-term">{t("queue.search.label")}</label>
        <div className="input-with-button">
          <input
            id="queue-search-term"
            type="text"
            name="term"
            autoComplete="off"
            value={term}
            onChange={(e) => setTerm(e.target.value)}
            aria-describedby={
              failure ? "queue-search-help queue-search-error" : "queue-search-help"
            }
            aria-invalid={failure ? true : undefined}
          />
          <button type="submit" disabled={pending}>
            {t("queue.search.submit")}
          </button>
          {props.term !== "" && (
            <button type="button" className="link" disabled={pending} onClick={() => submit("")}>
              {t("queue.search.clear")}
            </button>
          )}
        </div>
        <p className="help" id="queue-search-help">
          {t("queue.search.help")}
        </p>
        {failure && (
          <p id="queue-search-error" className="error" role="alert">
            {t(failure)}
          </p>
        )}
      </div>
    </form>
  );
}
