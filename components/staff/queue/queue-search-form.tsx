"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useI18n } from "@/components/i18n/i18n-provider";
import { setQueueSearch } from "@/lib/actions/staff/set-queue-search";
import type { MessageKey } from "@/lib/i18n/translate";

/**
 * Search by reference or by the subject's name, kana or email. The term is posted to a server
 * action that keeps it in a short-lived httpOnly cookie, never in the URL (personal data); the
 * page then shows the first page with the same filters.
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
      // The action sets a cookie, so Next.js has already re-rendered this page with the search
      // applied. Only a later page of the queue goes back to the first; a refresh or push from
      // the first page would race, and undo, a row the person opened meanwhile.
      const here = window.location;
      const first = new URL(props.firstPageHref, here.href);
      if (here.pathname === first.pathname && here.search !== first.search)
        router.push(props.firstPageHref);
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
      <Field
        id="queue-search-term"
        label={t("queue.search.label")}
        hint={t("queue.search.help")}
        error={failure}
      >
        {(control) => (
          <div className="input-with-button">
            <input
              type="text"
              name="term"
              autoComplete="off"
              value={term}
              onChange={(e) => setTerm(e.target.value)}
              {...control}
            />
            <SubmitButton pending={pending}>{t("queue.search.submit")}</SubmitButton>
            {props.term !== "" && (
              <button type="button" className="link" disabled={pending} onClick={() => submit("")}>
                {t("queue.search.clear")}
              </button>
            )}
          </div>
        )}
      </Field>
    </form>
  );
}
