"use client";

import { deferUntilUsed } from "@/components/forms/defer-until-used";

// The staff request page's forms and interactive lists, each loaded when staff start to use it (first-load budget,
// issue 15; components/forms/defer-until-used.tsx). The panels import them from here. The
// catalogue sections listed with a form load with its code rather than in the page's HTML
// (lib/i18n/lazy-sections.ts), with those of the errors its actions can answer with (completing a
// disclosure refuses with the package's "not built" or "outdated").

export const AcknowledgementForm = deferUntilUsed(
  () => import("./acknowledgement/acknowledgement-form").then((m) => m.AcknowledgementForm),
  ["queue"],
);
export const ApprovalDecisionForm = deferUntilUsed(
  () => import("./decision/approval-decision-form").then((m) => m.ApprovalDecisionForm),
  ["decisions", "disclosurePackage"],
);
export const DecisionForm = deferUntilUsed(
  () => import("./decision/decision-form").then((m) => m.DecisionForm),
  ["decisions", "disclosurePackage"],
);
export const ExtensionForm = deferUntilUsed(() =>
  import("./decision/extension-form").then((m) => m.ExtensionForm),
);
export const TemplateMessageForm = deferUntilUsed(
  () => import("./decision/template-message-form").then((m) => m.TemplateMessageForm),
  ["decisions"],
);
export const FeeAskForm = deferUntilUsed(
  () => import("./fee/fee-ask-form").then((m) => m.FeeAskForm),
  ["fees"],
);
export const FeeSettleForm = deferUntilUsed(
  () => import("./fee/fee-settle-form").then((m) => m.FeeSettleForm),
  ["fees"],
);
export const ManualTaskForm = deferUntilUsed(
  () => import("./fulfilment/manual-task-form").then((m) => m.ManualTaskForm),
  ["fulfilment"],
);
export const NoticeCloseForm = deferUntilUsed(
  () => import("./fulfilment/notice-close-form").then((m) => m.NoticeCloseForm),
  ["fulfilment"],
);
export const DryRun = deferUntilUsed(
  () => import("./fulfilment/dry-run").then((m) => m.DryRun),
  ["fulfilment"],
);
export const TaskActions = deferUntilUsed(
  () => import("./fulfilment/task-actions").then((m) => m.TaskActions),
  ["fulfilment"],
);
export const DocumentReview = deferUntilUsed(
  () => import("./identity-review/document-review").then((m) => m.DocumentReview),
  ["review"],
);
export const ResubmissionForm = deferUntilUsed(
  () => import("./identity-review/resubmission-form").then((m) => m.ResubmissionForm),
  ["review"],
);
export const UnverifiableForm = deferUntilUsed(
  () => import("./identity-review/unverifiable-form").then((m) => m.UnverifiableForm),
  ["review"],
);
export const VerifyForm = deferUntilUsed(
  () => import("./identity-review/verify-form").then((m) => m.VerifyForm),
  ["review"],
);
export const JurisdictionForm = deferUntilUsed(() =>
  import("./jurisdiction/jurisdiction-form").then((m) => m.JurisdictionForm),
);
export const BuildForm = deferUntilUsed(
  () => import("./package/build-form").then((m) => m.BuildForm),
  ["disclosurePackage"],
);
export const ItemPreview = deferUntilUsed(
  () => import("./package/item-preview").then((m) => m.ItemPreview),
  ["disclosurePackage", "decisions"],
);
export const AssignForm = deferUntilUsed(
  () => import("./queue/assign-form").then((m) => m.AssignForm),
  ["queue"],
);
