import type { StaffPanelProps } from "../panel-props";

/** Onward notices to the recipients that received the data, tracked until each confirms. */
export function NoticesPanel(props: StaffPanelProps) {
  void props;
  return null;
}
