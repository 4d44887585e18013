import type { Actor } from "@/lib/auth/actor";
import type { RequestView } from "@/lib/data/requests/get-request";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";

/**
 * What the staff request page hands each of its panels (identity review, fulfilment tasks,
 * package, decision). A panel loads anything else it needs through its own data function.
 */
export interface StaffPanelProps {
  request: RequestView;
  actor: Actor;
  locale: Locale;
  t: Translate;
}
