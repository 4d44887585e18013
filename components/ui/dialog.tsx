"use client";

import { X } from "lucide-react";
import { type ReactNode, useEffect, useId, useRef } from "react";

/**
 * A modal dialog on the platform's own <dialog> (`showModal`): the browser traps focus, makes the
 * page behind it inert, closes it on Escape and returns focus to what opened it, with no library
 * and no portal. `open` is the caller's state; every way of closing calls `onClose`.
 */
export function Dialog(props: {
  open: boolean;
  onClose: () => void;
  title: string;
  closeLabel: string;
  children: ReactNode;
  /** Buttons under the body (a confirmation's cancel and confirm). */
  actions?: ReactNode;
}) {
  const { open, onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      // A click on the backdrop (the dialog element itself, outside its box) closes it.
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="dialog-box">
        <header>
          <h2 id={titleId}>{props.title}</h2>
          <button type="button" className="icon secondary" onClick={onClose}>
            <X aria-hidden="true" size={18} />
            <span className="visually-hidden">{props.closeLabel}</span>
          </button>
        </header>
        <div className="dialog-body">{props.children}</div>
        {props.actions && <footer>{props.actions}</footer>}
      </div>
    </dialog>
  );
}
