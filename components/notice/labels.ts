import type { Locale } from "@/lib/i18n/config";
import { isMessageKey, type Translate } from "@/lib/i18n/translate";
import type { Localised, Notice, NoticeChange } from "@/lib/notice/types";

/** Where the notice is served as JSON (app/api/v1/notice); `?version=N` for an earlier one. */
export const NOTICE_JSON_PATH = "/api/v1/notice";

/** The elements in the order the pages show them: the notice's own, with categories after purposes. */
export const ELEMENT_ORDER = [
  "controller",
  "purposes",
  "categories",
  "sources",
  "recipients",
  "retention",
  "rights",
  "complaints",
  "changes",
] as const satisfies readonly NoticeChange["element"][];

export type ShownElement = (typeof ELEMENT_ORDER)[number];

export function elementName(t: Translate, element: NoticeChange["element"]): string {
  return t(`noticeVersions.element.${element}`);
}

/** Text of the notice in the page's language. */
export function inLocale(text: Localised, locale: Locale): string;
export function inLocale(text: Localised | null, locale: Locale): string | null;
export function inLocale(text: Localised | null, locale: Locale): string | null {
  return text ? text[locale] : null;
}

/**
 * A catalogue entry whose key is built from the notice's data (a recipient class, a way of
 * collection): the translation when the catalogue has it, else the value itself, so a class added
 * later shows as its code rather than as a missing key.
 */
export function labelOf(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

/** What changed in an item, in words: "名称、説明". */
export function changedFields(t: Translate, fields: readonly string[]): string {
  return fields
    .map((f) => labelOf(t, `noticeVersions.field.${f}`, f))
    .join(t("noticeVersions.change.separator"));
}

/**
 * The item a change is about: its name; for a category's source or retention (which carry only
 * the category's key) the category's name from `categories`; "the text" for a whole text.
 */
export function changeName(
  t: Translate,
  change: NoticeChange,
  locale: Locale,
  categories?: ReadonlyMap<string, string>,
): string {
  const named = inLocale(change.name, locale);
  if (named) return named;
  if (change.key === null) return t("noticeVersions.change.whole");
  return categories?.get(change.key) ?? change.key;
}

/** The categories' names by key in one version of the notice. */
export function categoryNames(notice: Notice, locale: Locale): Map<string, string> {
  return new Map(notice.categories.map((c) => [c.key, inLocale(c.name, locale)]));
}

/** "追加 2件・変更 1件": how many of each kind a version's changes hold. */
export function changeSummary(t: Translate, changes: readonly NoticeChange[]): string {
  const parts = (["added", "removed", "changed"] as const)
    .map((kind) => ({ kind, count: changes.filter((c) => c.kind === kind).length }))
    .filter((p) => p.count > 0)
    .map((p) => t(`noticeVersions.summary.${p.kind}`, { count: p.count }));
  return parts.join(t("noticeVersions.summary.separator"));
}
