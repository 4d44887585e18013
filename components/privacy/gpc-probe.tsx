"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

import { useI18n } from "@/components/i18n/i18n-provider";
import { honourGpcSignal } from "@/lib/actions/privacy/honour-gpc";

declare global {
  interface Navigator {
    globalPrivacyControl?: boolean;
  }
}

/**
 * The signal as the page sees it (`navigator.globalPrivacyControl`), for a browser whose request
 * carried no `Sec-GPC` header: a signed-in person's is reported to the server (once; the server
 * is idempotent) and the page redrawn with its notice; a visitor is told it will be applied when
 * they sign in.
 */
export function GpcProbe({ signedIn }: { signedIn: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const [signal, setSignal] = useState(false);
  useEffect(() => {
    if (navigator.globalPrivacyControl !== true) return;
    setSignal(true);
    if (!signedIn) return;
    void honourGpcSignal({ signal: true }).then((result) => {
      if (result.ok && result.data === "applied") router.refresh();
    });
  }, [signedIn, router]);
  if (!signal || signedIn) return null;
  return (
    <p className="info" data-testid="gpc-acknowledged">
      {t("gpc.acknowledged")}
    </p>
  );
}
