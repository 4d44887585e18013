"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { redactItem } from "@/lib/actions/staff/redact-item";
import type { PackagePreview, PreviewItem } from "@/lib/data/packages/list-package-items";
import type { MessageKey } from "@/lib/i18n/translate";

import { StackTable } from "@/components/ui/stack-table";

import { RedactForm } from "./redact-form";

/**
 * The package's items, 50 to a page, each with how it will be treated and the control to
 * withhold it or take the withholding back. Pages after the first are fetched from
 * /api/staff/packages/items; after a change the page is reloaded and the panel refreshed.
 */
export function ItemPreview(props: {
  reference: string;
  initial: PackagePreview;
  /** Whether a built package exists (after a rebuild the "discarded" notice no longer applies). */
  built: boolean;
}) {
  const { reference, initial, built } = props;
  const { t, locale } = useI18n();
  const router = useRouter();
  const [preview, setPreview] = useState(initial);
  const [open, setOpen] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const [stale, setStale] = useState(false);

  const load = async (page: number) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const query = new URLSearchParams({ reference, page: String(page), locale });
      const response = await fetch(`/api/staff/packages/items?${query}`, { cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      setPreview((await response.json()) as PackagePreview);
    } catch {
      setFailure({ error: "disclosurePackage.preview.loadFailed" });
    } finally {
      setBusy(false);
    }
  };

  const changed = async (discarded: number) => {
    setOpen(undefined);
    setStale(discarded > 0);
    await load(preview.page);
    router.refresh();
  };

  const undo = async (item: PreviewItem) => {
    setBusy(true);
    const result = await redactItem({ action: "undo", reference, itemRef: item.ref });
    setBusy(false);
    if (!result.ok) return setFailure({ error: result.error, errorId: result.errorId });
    await changed(result.data.discarded);
  };

  const { items, page, pages, total } = preview;
  const from = total === 0 ? 0 : (page - 1) * 50 + 1;
  return (
    <div aria-busy={busy}>
      <h3 id="package-items-title">{t("disclosurePackage.preview.title")}</h3>
      <div aria-live="polite">
        {stale && !built && <p className="notice">{t("disclosurePackage.build.stale")}</p>}
      </div>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      {total === 0 ? (
        <p>{t("disclosurePackage.preview.empty")}</p>
      ) : (
        // One card per item on a phone (a value squeezed into a column of five was a character
        // a line there).
        <StackTable
          testId="package-items"
          className="preview-items"
          caption={t("disclosurePackage.preview.caption", {
            from,
            to: from + items.length - 1,
            total,
          })}
          columns={[
            t("disclosurePackage.col.category"),
            t("disclosurePackage.col.system"),
            t("disclosurePackage.col.field"),
            t("disclosurePackage.col.value"),
            t("disclosurePackage.preview.state"),
          ]}
        >
          {items.map((item) => (
            <ItemRow
              key={item.key}
              item={item}
              reference={reference}
              open={open === item.key}
              busy={busy}
              onOpen={() => setOpen(item.key)}
              onClose={() => setOpen(undefined)}
              onUndo={() => undo(item)}
              onDone={changed}
            />
          ))}
        </StackTable>
      )}
      {pages > 1 && (
        <nav aria-label={t("disclosurePackage.preview.pagination")}>
          <ul className="row plain middle">
            <li>
              <button
                type="button"
                className="link"
                disabled={busy || page <= 1}
                onClick={() => load(page - 1)}
              >
                {t("disclosurePackage.preview.previous")}
              </button>
            </li>
            <li>{t("disclosurePackage.preview.pages", { page, pages })}</li>
            <li>
              <button
                type="button"
                className="link"
                disabled={busy || page >= pages}
                onClick={() => load(page + 1)}
              >
                {t("disclosurePackage.preview.next")}
              </button>
            </li>
          </ul>
        </nav>
      )}
    </div>
  );
}

function ItemRow(props: {
  item: PreviewItem;
  reference: string;
  open: boolean;
  busy: boolean;
  onOpen: () => void;
  onClose: () => void;
  onUndo: () => void;
  onDone: (discarded: number) => Promise<void>;
}) {
  const { item, open, busy } = props;
  const { t } = useI18n();
  const { state } = item;
  return (
    <>
      <tr data-testid="package-item" data-state={state.kind}>
        <td>{item.category}</td>
        <td>{item.system}</td>
        <td>{item.field}</td>
        <td className="break-anywhere">{item.value}</td>
        <td>
          {(state.kind === "included" || state.kind === "check") && (
            <>
              {state.kind === "check" ? (
                <strong>
                  {t("disclosurePackage.preview.check", {
                    kind: t(`disclosurePackage.kind.${state.why}`),
                  })}
                </strong>
              ) : (
                t("disclosurePackage.preview.included")
              )}{" "}
              {!open && (
                <button
                  type="button"
                  className="link"
                  disabled={busy}
                  aria-label={`${t("disclosurePackage.preview.redact")}: ${item.field}`}
                  onClick={props.onOpen}
                >
                  {t("disclosurePackage.preview.redact")}
                </button>
              )}
            </>
          )}
          {state.kind === "redacted" && (
            <>
              {t("disclosurePackage.preview.redacted", { reason: state.reason })}{" "}
              <button
                type="button"
                className="link"
                disabled={busy}
                aria-label={`${t("disclosurePackage.preview.undo")}: ${item.field}`}
                onClick={props.onUndo}
              >
                {t("disclosurePackage.preview.undo")}
              </button>
            </>
          )}
          {state.kind === "never" &&
            t("disclosurePackage.preview.never", {
              kind: t(`disclosurePackage.kind.${state.why}`),
            })}
        </td>
      </tr>
      {open && (
        <tr className="stack-whole">
          <td colSpan={5}>
            <RedactForm
              reference={props.reference}
              itemRef={item.ref}
              field={item.field}
              onCancel={props.onClose}
              onDone={props.onDone}
            />
          </td>
        </tr>
      )}
    </>
  );
}
