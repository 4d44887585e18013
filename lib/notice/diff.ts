import { createHash } from "node:crypto";

import type { Localised, Notice, NoticeChange, NoticeRecipient } from "./types";

// What changed between two versions of the notice, element by element, and whether the change
// needs people's consent; plus the hash that tells whether anything changed at all. Pure.
//
// The consent rule. APPI Art.17(2) and 18(1): personal data may not be used beyond the purposes
// notified without the person's consent, so a new purpose, or a purpose that starts using a
// category it did not use, needs consent (or at least the person's knowing, GDPR Art.13(3)).
// Art.27(1) and 28(1): provision to a third party (abroad too) needs prior consent, so a new
// third-party recipient, or a recipient that becomes a third party (a processor turned into an
// independent recipient), needs it as well. Renaming, describing, reordering, a new category no
// purpose uses yet, a processor, an authority's address and the organisation's texts are told
// (Art.21, 32) but need no consent. The first version is the notice people received when their
// data was collected: nothing in it is a change that needs consent.

/** A stable JSON text: object keys sorted at every level, arrays kept in their order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The notice's identity: equal hashes, same notice (the database's key order does not matter). */
export function noticeHash(notice: Notice): string {
  return createHash("sha256").update(canonicalJson(notice)).digest("hex");
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** The names of the fields (besides the key) whose values differ. */
function changedFields<T extends object>(before: T, after: T, fields: readonly (keyof T)[]) {
  return fields.filter((f) => !same(before[f], after[f])).map(String);
}

interface Keyed {
  key: string;
  name: Localised;
}

/** Added, removed and changed items of one keyed list, in the new list's order, removals last. */
function diffKeyed<T extends Keyed>(options: {
  element: NoticeChange["element"];
  before: readonly T[];
  after: readonly T[];
  fields: readonly (keyof T)[];
  addedNeedsConsent: (item: T) => boolean;
  changeNeedsConsent: (before: T, after: T) => boolean;
  initial: boolean;
}): NoticeChange[] {
  const { element, before, after, fields, initial } = options;
  const old = new Map(before.map((item) => [item.key, item]));
  const kept = new Set(after.map((item) => item.key));
  const changes: NoticeChange[] = [];
  for (const item of after) {
    const previous = old.get(item.key);
    if (!previous) {
      changes.push({
        element,
        kind: "added",
        key: item.key,
        name: item.name,
        fields: [],
        needsConsent: !initial && options.addedNeedsConsent(item),
      });
      continue;
    }
    const changed = changedFields(previous, item, fields);
    if (changed.length > 0)
      changes.push({
        element,
        kind: "changed",
        key: item.key,
        name: item.name,
        fields: changed,
        needsConsent: options.changeNeedsConsent(previous, item),
      });
  }
  for (const item of before)
    if (!kept.has(item.key))
      changes.push({
        element,
        kind: "removed",
        key: item.key,
        name: item.name,
        fields: [],
        needsConsent: false,
      });
  return changes;
}

/** A whole-text change of an element (key null), naming the fields that differ. */
function textChange(
  element: NoticeChange["element"],
  fields: string[],
  name: Localised | null = null,
): NoticeChange[] {
  return fields.length === 0
    ? []
    : [{ element, kind: "changed", key: null, name, fields, needsConsent: false }];
}

const never = () => false;

/** The changes from `before` (null: nothing published yet) to `after`, in the elements' order. */
export function diffNotices(before: Notice | null, after: Notice): NoticeChange[] {
  const initial = before === null;
  const prev: Notice = before ?? emptyLike(after);
  const statementChanged = (field: keyof NonNullable<Notice["statements"]>) =>
    !same(prev.statements?.[field] ?? null, after.statements?.[field] ?? null);

  const controllerFields = [
    ...changedFields(prev.controller, after.controller, [
      "name",
      "address",
      "representative",
      "email",
      "phone",
      "department",
    ]),
    ...(statementChanged("securityMeasures") ? ["securityMeasures"] : []),
  ];
  const recipientsTextFields = (["processorOversight", "lawEnforcement"] as const).filter(
    statementChanged,
  );
  const purposesTextFields = statementChanged("automatedDecisions") ? ["automatedDecisions"] : [];
  const rightsTextFields = [
    ...(same(prev.rightsHowTo, after.rightsHowTo) ? [] : ["rightsHowTo"]),
    ...(["offlineFiling", "identityDocuments"] as const).filter(statementChanged),
  ];

  return [
    ...(initial ? [] : textChange("controller", controllerFields, after.controller.name)),
    ...(initial ? [] : textChange("purposes", purposesTextFields)),
    ...diffKeyed({
      element: "purposes",
      before: prev.purposes,
      after: after.purposes,
      fields: ["name", "description", "categoryKeys", "optOut"],
      addedNeedsConsent: () => true,
      // A use of a category the purpose did not have is a new use of the data.
      changeNeedsConsent: (b, a) => a.categoryKeys.some((k) => !b.categoryKeys.includes(k)),
      initial,
    }),
    ...diffKeyed({
      element: "categories",
      before: prev.categories,
      after: after.categories,
      fields: ["name", "dataClass"],
      addedNeedsConsent: never,
      changeNeedsConsent: never,
      initial,
    }),
    // Sources and retention are listed per category: a category's arrival or removal is told
    // under "categories"; here only a changed statement for a category in both versions.
    ...perCategory(
      "sources",
      prev,
      after.sources,
      (n) => n.sources,
      (e) => e?.sources,
    ),
    ...diffKeyed({
      element: "recipients",
      before: prev.recipients,
      after: after.recipients,
      fields: ["name", "recipientClass", "country", "thirdParty"],
      addedNeedsConsent: (r: NoticeRecipient) => r.thirdParty,
      changeNeedsConsent: (b, a) => a.thirdParty && !b.thirdParty,
      initial,
    }),
    ...(initial ? [] : textChange("recipients", recipientsTextFields)),
    ...perCategory(
      "retention",
      prev,
      after.retention,
      (n) => n.retention,
      (e) => e?.period,
    ),
    ...diffKeyed({
      element: "rights",
      before: prev.rights.map((r) => ({ ...r, key: r.requestType })),
      after: after.rights.map((r) => ({ ...r, key: r.requestType })),
      fields: ["name"],
      addedNeedsConsent: never,
      changeNeedsConsent: never,
      initial,
    }),
    ...(initial ? [] : textChange("rights", rightsTextFields)),
    ...(initial || same(prev.complaints.desk, after.complaints.desk)
      ? []
      : textChange("complaints", ["desk"])),
    ...diffKeyed({
      element: "complaints",
      before: prev.complaints.authorities,
      after: after.complaints.authorities,
      fields: ["name", "url"],
      addedNeedsConsent: never,
      changeNeedsConsent: never,
      initial,
    }),
    ...(initial || same(prev.changes, after.changes) ? [] : textChange("changes", ["changes"])),
  ];
}

/**
 * Changed per-category statements (sources, retention) of categories present in both versions. A
 * category the earlier version had but stated nothing for (an entry missing) counts as empty.
 */
function perCategory<E extends { categoryKey: string }>(
  element: "sources" | "retention",
  before: Notice,
  after: readonly E[],
  entries: (notice: Notice) => readonly E[],
  value: (entry: E | undefined) => unknown,
): NoticeChange[] {
  const old = new Map(entries(before).map((e) => [e.categoryKey, e]));
  const existed = new Set(before.categories.map((c) => c.key));
  const empty = (v: unknown) => v ?? (element === "sources" ? [] : null);
  return after.flatMap((entry) => {
    if (!existed.has(entry.categoryKey)) return [];
    const previous = old.get(entry.categoryKey);
    if (same(empty(value(previous)), empty(value(entry)))) return [];
    return [
      {
        element,
        kind: "changed" as const,
        key: entry.categoryKey,
        name: null,
        fields: [element === "sources" ? "sources" : "period"],
        needsConsent: false,
      },
    ];
  });
}

/** The notice with no items and the same texts: what the first version is compared with. */
function emptyLike(notice: Notice): Notice {
  return {
    ...notice,
    purposes: [],
    categories: [],
    sources: [],
    recipients: [],
    retention: [],
    rights: [],
    complaints: { ...notice.complaints, authorities: [] },
  };
}
