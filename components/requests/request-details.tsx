import { Fragment } from "react";

import type { RequestType } from "@/lib/generated/prisma/enums";
import type { Translate } from "@/lib/i18n/translate";

type Details = Record<string, unknown>;

const str = (value: unknown) => (typeof value === "string" ? value : "");
const list = (value: unknown) => (Array.isArray(value) ? (value as string[]) : []);

/** What was asked for, per request type, in words (keys resolved through `names`). */
export function RequestDetails(props: {
  type: RequestType;
  details: unknown;
  names: Record<string, string>;
  t: Translate;
}) {
  const { type, names, t } = props;
  const d = (props.details ?? {}) as Details;
  const named = (prefix: string, keys: unknown) =>
    list(keys)
      .map((k) => names[`${prefix}:${k}`] ?? k)
      .join("、");
  const rows: [string, string][] = [];
  const add = (label: string, value: string | undefined | null) =>
    value && rows.push([label, value]);

  if (type === "DISCLOSURE")
    add(
      t("requestForm.scope"),
      d.scope === "SELECTED" ? named("category", d.categoryKeys) : t("request.scopeAll"),
    );
  if (type === "PROVISION_RECORDS") {
    add(
      t("requestForm.recipients"),
      list(d.recipientKeys).length ? named("recipient", d.recipientKeys) : t("request.scopeAll"),
    );
    if (d.from || d.to)
      add(
        `${t("requestForm.periodFrom")} – ${t("requestForm.periodTo")}`,
        `${str(d.from) || "…"} – ${str(d.to) || "…"}`,
      );
  }
  // A request entered without a method (none today, but old rows may lack it) shows none.
  const hasMethod = typeof d.method === "string";
  if (hasMethod && (type === "DISCLOSURE" || type === "PROVISION_RECORDS"))
    add(t("requestForm.method"), t(`method.${String(d.method)}` as "method.JSON"));
  if (hasMethod && type === "PURPOSE_NOTIFICATION")
    add(
      t("requestForm.replyMethod"),
      t(`requestForm.reply${String(d.method)}` as "requestForm.replyEMAIL"),
    );
  if (d.method === "PAPER") add(t("requestForm.postalAddress"), str(d.postalAddress));
  if (type === "CORRECTION") {
    for (const item of (Array.isArray(d.items) ? d.items : []) as Details[]) {
      // A picked item by its label and system; an item the person described, in their words.
      const target =
        names[`item:${str(item.itemId)}`] ??
        [names[`category:${String(item.categoryKey)}`], str(item.field)].filter(Boolean).join(" ");
      const what = `${t(`requestForm.correction${String(item.action)}` as "requestForm.correctionCORRECT")}: ${target}`;
      add(what, str(item.correctedValue) || "—");
    }
    add(t("requestForm.reason"), str(d.reason));
  }
  if (type === "SUSPENSION_ERASURE") {
    add(
      t("requestForm.suspendAction"),
      t(`requestForm.suspend${String(d.action)}` as "requestForm.suspendERASE"),
    );
    if (d.action === "SUSPEND") add(t("requestForm.purposes"), named("purpose", d.purposeKeys));
    if (d.action === "ERASE")
      add(
        t("requestForm.erasureScope"),
        d.erasureScope === "SELECTED"
          ? named("category", d.categoryKeys)
          : t("requestForm.erasureAll"),
      );
    add(
      t("requestForm.ground"),
      t(`requestForm.ground${String(d.ground)}` as "requestForm.groundOTHER"),
    );
    add(t("requestForm.groundText"), str(d.groundText));
  }
  if (type === "STOP_PROVISION") {
    add(
      t("requestForm.stopClasses"),
      list(d.recipientClasses)
        .map((c) => t(`recipientClass.${c}` as "recipientClass.PROCESSOR"))
        .join("、"),
    );
    add(t("requestForm.stopRecipients"), named("recipient", d.recipientKeys));
    // Requests filed before the ground was asked have none.
    if (typeof d.ground === "string") {
      add(t("requestForm.ground"), t(`requestForm.ground${d.ground}` as "requestForm.groundOTHER"));
      add(t("requestForm.groundText"), str(d.groundText));
    }
  }
  add(t("requestForm.note"), typeof d.note === "string" ? d.note : "");

  return (
    <dl className="facts" data-testid="request-details">
      {rows.map(([label, value], i) => (
        <Fragment key={i}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
