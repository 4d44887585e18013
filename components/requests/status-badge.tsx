import type { RequestStatus } from "@/lib/generated/prisma/enums";
import type { Translate } from "@/lib/i18n/translate";

export function StatusBadge({ status, t }: { status: RequestStatus; t: Translate }) {
  return (
    <span className="badge" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
