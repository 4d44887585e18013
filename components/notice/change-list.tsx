import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";
import type { NoticeChange } from "@/lib/notice/types";

import { ChangeBadge } from "./change-badge";
import { ELEMENT_ORDER, changeName, changedFields, elementName } from "./labels";

/**
 * One version's changes from the one before, per element: each item added, removed or changed,
 * by its name, with what changed in it; one h3 per element, under the page's h2.
 */
export function ChangeList(props: {
  changes: readonly NoticeChange[];
  /** The categories' names, for the changes that name a category by its key. */
  categories: ReadonlyMap<string, string>;
  locale: Locale;
  t: Translate;
}) {
  const { changes, categories, locale, t } = props;
  return ELEMENT_ORDER.map((element) => {
    const here = changes.filter((c) => c.element === element);
    if (here.length === 0) return null;
    return (
      // A group, not a landmark: the version's content below has a region of the same name.
      <div key={element} data-element={element}>
        <h3 id={`changes-${element}`}>{elementName(t, element)}</h3>
        <ul className="cards">
          {here.map((c, i) => (
            <li key={`${c.key ?? "text"}-${i}`} data-kind={c.kind} data-key={c.key ?? undefined}>
              <ChangeBadge kind={c.kind} t={t} />{" "}
              <ChangeLine change={c} categories={categories} locale={locale} t={t} />
            </li>
          ))}
        </ul>
      </div>
    );
  });
}

/** The item's name and, for a change, which of its fields changed. */
export function ChangeLine(props: {
  change: NoticeChange;
  categories?: ReadonlyMap<string, string>;
  locale: Locale;
  t: Translate;
}) {
  const { change, categories, locale, t } = props;
  const fields = change.kind === "changed" && change.fields.length > 0 ? change.fields : [];
  return (
    <>
      <span className="break-anywhere">{changeName(t, change, locale, categories)}</span>
      {fields.length > 0 && (
        <small>{t("noticeVersions.change.fields", { fields: changedFields(t, fields) })}</small>
      )}
    </>
  );
}
