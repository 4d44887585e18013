import { listTemplates } from "@/lib/data/templates/list-templates";
import { isOpen } from "@/lib/requests/lifecycle";

import type { StaffPanelProps } from "../panel-props";

import { TemplateMessageForm } from "@/components/staff/deferred-forms";

/** Staff's message to the requester (from a template, if they like) or internal note. */
export async function StaffMessagePanel({ request, actor, t }: StaffPanelProps) {
  if (!isOpen(request.status)) return null;
  const { locale, templates } = await listTemplates({ actor, reference: request.reference });
  return (
    <TemplateMessageForm
      reference={request.reference}
      templates={templates}
      language={t(`decisions.languages.${locale}`)}
    />
  );
}
