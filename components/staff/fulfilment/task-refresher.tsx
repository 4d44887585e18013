"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

import { useI18n } from "@/components/i18n/i18n-provider";

const FAST_MS = 2_000;
const SLOW_MS = 10_000;
/** After this many quick refreshes (a system that calls back late), refresh less often. */
const FAST_TICKS = 90;

/** Refreshes the page while the engine works on a task, so its status changes show by themselves. */
export function TaskRefresher({ active }: { active: boolean }) {
  const { t } = useI18n();
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
  return <p className="help">{t("fulfilment.tasks.refreshing")}</p>;
}
