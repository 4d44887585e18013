import { checkTransition } from "@/lib/requests/lifecycle";

import type { StaffPanelProps } from "../panel-props";

import { CompleteForm } from "./complete-form";

/** The outcome: complete, refuse with grounds, ask for and decide approvals. */
export function DecisionPanel({ request }: StaffPanelProps) {
  if (!checkTransition("complete", request.status, "FULFILLED").ok) return null;
  return <CompleteForm reference={request.reference} />;
}
