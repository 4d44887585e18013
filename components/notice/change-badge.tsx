import type { Translate } from "@/lib/i18n/translate";
import type { NoticeChange } from "@/lib/notice/types";

// The badges reuse the status pill's colours (app/globals.css `.badge[data-status]`): an addition
// in green like a completed request, a change in the blue of work in progress, a removal muted
// like a withdrawn one, and a change needing consent in the amber of something awaited.
const TONE = {
  added: "COMPLETED",
  changed: "IN_PROGRESS",
  removed: "WITHDRAWN",
} as const satisfies Record<NoticeChange["kind"], string>;

export function ChangeBadge({ kind, t }: { kind: NoticeChange["kind"]; t: Translate }) {
  return (
    <span className="badge" data-status={TONE[kind]} data-kind={kind}>
      {t(`noticeVersions.kind.${kind}`)}
    </span>
  );
}

export function ConsentBadge({ t }: { t: Translate }) {
  return (
    <span className="badge" data-status="AWAITING_APPROVAL" data-testid="needs-consent">
      {t("noticeVersions.needsConsent")}
    </span>
  );
}
