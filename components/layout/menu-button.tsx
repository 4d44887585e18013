"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

import { useI18n } from "@/components/i18n/i18n-provider";

/**
 * On a phone or a tablet the header's links fold behind this button (app/globals.css hides the
 * menu up to 900 px unless it is open); wider, the button is hidden and the links always show.
 * The menu stays server-rendered: the button only flips its `data-open`. It closes on every
 * navigation.
 * Without JavaScript the menu simply stays open (the layout's <noscript> style).
 */
export function MenuButton({ controls }: { controls: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    const menu = document.getElementById(controls);
    if (menu) menu.dataset.open = String(open);
  }, [controls, open]);
  return (
    <button
      type="button"
      className="menu-button secondary"
      aria-expanded={open}
      aria-controls={controls}
      onClick={() => setOpen((o) => !o)}
    >
      {t("app.menu")}
    </button>
  );
}
