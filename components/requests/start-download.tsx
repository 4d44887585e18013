"use client";

import { useEffect, useRef } from "react";

import { useI18n } from "@/components/i18n/i18n-provider";

/**
 * After a fresh sign-in for a download, starts the download the person had clicked (once), and
 * offers the link in case the browser holds it back.
 */
export function StartDownload({ href, label }: { href: string; label: string }) {
  const { t } = useI18n();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    window.location.assign(href);
  }, [href]);
  return (
    <p className="success" role="status" data-testid="download-started">
      {t("request.downloadStarted")} <a href={href}>{label}</a>
    </p>
  );
}
