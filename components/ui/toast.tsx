"use client";

import { CheckCircle2, X } from "lucide-react";
import { useEffect, useState, useSyncExternalStore } from "react";

import { useI18n } from "@/components/i18n/i18n-provider";

// A toast says that something worked (saved, sent, added) where the page may have been redrawn
// under the form that did it (a server refresh remounts it). One live region in the layout,
// present before any toast so that screen readers announce each one; a toast stays 6 seconds,
// longer while focus is on it (its close button), and can be closed at once. Hovering does not
// hold it: a toast left under a resting pointer would otherwise cover what is beneath for good.
// Errors are never toasts: they stay beside the field or form they concern.

interface Toast {
  id: number;
  message: string;
}

const SHOWN_MS = 6000;
let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const EMPTY: readonly Toast[] = [];

function publish(next: readonly Toast[]) {
  toasts = next;
  for (const listener of listeners) listener();
}

/** Show `message` (already translated) in the page's toaster. */
export function toast(message: string) {
  publish([...toasts, { id: nextId++, message }].slice(-3));
}

function dismiss(id: number) {
  publish(toasts.filter((t) => t.id !== id));
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The toasts' region, once per page (the locale layout). */
export function Toaster() {
  const { t } = useI18n();
  const list = useSyncExternalStore(
    subscribe,
    () => toasts,
    () => EMPTY,
  );
  const [held, setHeld] = useState(false);
  return (
    <div className="toaster" onFocus={() => setHeld(true)} onBlur={() => setHeld(false)}>
      <div role="status" aria-live="polite" data-testid="toast">
        {list.map((item) => (
          <ToastItem key={item.id} item={item} held={held} dismissLabel={t("app.dismiss")} />
        ))}
      </div>
    </div>
  );
}

function ToastItem(props: { item: Toast; held: boolean; dismissLabel: string }) {
  const { item, held } = props;
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => dismiss(item.id), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [item.id, held]);
  return (
    <div className="toast">
      <CheckCircle2 aria-hidden="true" size={20} />
      <p>{item.message}</p>
      <button type="button" className="icon secondary" onClick={() => dismiss(item.id)}>
        <X aria-hidden="true" size={16} />
        <span className="visually-hidden">{props.dismissLabel}</span>
      </button>
    </div>
  );
}
