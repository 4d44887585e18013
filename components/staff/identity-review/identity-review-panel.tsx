import { checkTransition } from "@/lib/requests/lifecycle";

import type { StaffPanelProps } from "../panel-props";

import { VerifyForm } from "./verify-form";

/** Identity review: the documents, the subject's known data beside them, and the decision. */
export function IdentityReviewPanel({ request }: StaffPanelProps) {
  if (!checkTransition("verifyIdentity", request.status).ok) return null;
  return <VerifyForm reference={request.reference} />;
}
