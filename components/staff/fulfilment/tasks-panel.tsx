import type { StaffPanelProps } from "../panel-props";

/** The request's fulfilment tasks, one per affected system. */
export function TasksPanel(props: StaffPanelProps) {
  void props;
  return null;
}
