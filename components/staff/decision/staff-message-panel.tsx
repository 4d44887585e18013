import { MessageForm } from "@/components/requests/message-form";
import { isOpen } from "@/lib/requests/lifecycle";

import type { StaffPanelProps } from "../panel-props";

/** Staff's message to the requester (or internal note) on an open request. */
export function StaffMessagePanel({ request }: StaffPanelProps) {
  if (!isOpen(request.status)) return null;
  return <MessageForm reference={request.reference} staff />;
}
