"use client";

import { Keyboard } from "lucide-react";
import { useEffect, useState } from "react";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Dialog } from "@/components/ui/dialog";

/** The key that opens a row's request, its claim, and moving between rows (lowercase). */
const KEYS = { next: "j", previous: "k", claim: "c", help: "?" } as const;

/** Typing in a field, or with a modifier held, is never a shortcut. */
function isTyping(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  const target = event.target;
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || Boolean(target.closest("input, textarea, select, dialog")))
  );
}

/**
 * The queue's keyboard: j and k move to the next and previous request (focus on its reference
 * link, so Enter opens it as any link does), c claims the focused request when it is unassigned,
 * ? lists the keys in a dialog. The rows stay plain server-rendered links; this only moves focus.
 */
export function QueueShortcuts({ tableId }: { tableId: string }) {
  const { t } = useI18n();
  const [help, setHelp] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event)) return;
      const table = document.getElementById(tableId);
      if (event.key === KEYS.help) {
        event.preventDefault();
        setHelp(true);
        return;
      }
      if (!table) return;
      const rows = [...table.querySelectorAll<HTMLTableRowElement>("tbody tr")];
      const focused = document.activeElement?.closest("tr");
      const at = focused ? rows.indexOf(focused) : -1;
      const key = event.key.toLowerCase();
      if (key === KEYS.next || key === KEYS.previous) {
        event.preventDefault();
        const step = key === KEYS.next ? 1 : -1;
        const to = at === -1 ? (step === 1 ? 0 : rows.length - 1) : at + step;
        const row = rows[Math.min(Math.max(to, 0), rows.length - 1)];
        row?.querySelector<HTMLAnchorElement>("a")?.focus();
        row?.scrollIntoView({ block: "nearest" });
      } else if (key === KEYS.claim && at !== -1) {
        const claim = rows[at]?.querySelector<HTMLButtonElement>("button[data-claim]");
        if (claim && !claim.disabled) {
          event.preventDefault();
          claim.click();
        }
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [tableId]);
  return (
    <>
      <button type="button" className="secondary" onClick={() => setHelp(true)}>
        <Keyboard aria-hidden="true" size={18} />
        {t("queue.shortcuts.open")}
      </button>
      <Dialog
        open={help}
        onClose={() => setHelp(false)}
        title={t("queue.shortcuts.title")}
        closeLabel={t("queue.shortcuts.close")}
      >
        <dl className="shortcuts">
          <dt>
            <kbd>j</kbd> / <kbd>k</kbd>
          </dt>
          <dd>{t("queue.shortcuts.move")}</dd>
          <dt>
            <kbd>Enter</kbd>
          </dt>
          <dd>{t("queue.shortcuts.openRequest")}</dd>
          <dt>
            <kbd>c</kbd>
          </dt>
          <dd>{t("queue.shortcuts.claim")}</dd>
          <dt>
            <kbd>?</kbd>
          </dt>
          <dd>{t("queue.shortcuts.help")}</dd>
        </dl>
      </Dialog>
    </>
  );
}
