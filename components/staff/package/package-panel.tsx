import type { StaffPanelProps } from "../panel-props";

/** The disclosure package: build, redact, preview before release. */
export function PackagePanel(props: StaffPanelProps) {
  void props;
  return null;
}
