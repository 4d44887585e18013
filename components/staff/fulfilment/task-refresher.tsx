"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const FAST_MS = 2_000;
const SLOW_MS = 10_000;
/** After this many quick refreshes (a system that calls back late), refresh less often. */
const FAST_TICKS = 90;

/**
 * Refreshes the page while the engine works on a task, so its status changes show by themselves.
 * The label comes translated from the server: the page's HTML need not carry the fulfilment
 * strings for it (lib/i18n/lazy-sections.ts).
 */
export function TaskRefresher({ active, label }: { active: boolean; label: string }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    let ticks = 0;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      ticks += 1;
      router.refresh();
      timer = setTimeout(tick, ticks < FAST_TICKS ? FAST_MS : SLOW_MS);
    };
    timer = setTimeout(tick, FAST_MS);
    return () => clearTimeout(timer);
  }, [active, router]);
  if (!active) return null;
  return <p className="help">{label}</p>;
}
