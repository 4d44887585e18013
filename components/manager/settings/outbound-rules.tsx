import { getEnv } from "@/lib/env";
import type { Translate } from "@/lib/i18n/translate";

/**
 * Where the portal may send tasks and webhooks: public addresses, plus the private ones the
 * operator allows in OUTBOUND_ALLOW (lib/http/outbound.ts).
 */
export function OutboundRules({ t }: { t: Translate }) {
  const allowed = (getEnv().OUTBOUND_ALLOW ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return (
    <p className="notice" data-testid="outbound-rules">
      {t("settingsDataMap.outbound.rule")}{" "}
      {allowed.length === 0
        ? t("settingsDataMap.outbound.noneAllowed")
        : t("settingsDataMap.outbound.allowed", { list: allowed.join(", ") })}
    </p>
  );
}
