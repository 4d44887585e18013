import { Ban, FileSearch, Info, type LucideIcon, PencilLine, Share2, Unlink } from "lucide-react";

import type { TRequestType } from "@/lib/requests/vocabulary";

const ICONS: Record<TRequestType, LucideIcon> = {
  DISCLOSURE: FileSearch,
  PROVISION_RECORDS: Share2,
  PURPOSE_NOTIFICATION: Info,
  CORRECTION: PencilLine,
  SUSPENSION_ERASURE: Ban,
  STOP_PROVISION: Unlink,
};

/** The request type's icon (decorative: the type's name is always written beside it). */
export function RequestTypeIcon({ type, size = 24 }: { type: TRequestType; size?: number }) {
  const Icon = ICONS[type];
  return <Icon aria-hidden="true" size={size} strokeWidth={1.75} />;
}
