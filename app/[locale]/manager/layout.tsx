import type { ReactNode } from "react";

import { WorkspaceShell } from "@/components/layout/workspace-shell";
import { toLocale } from "@/lib/i18n/config";

/** The staff and manager pages share the workspace's sidebar (components/layout/workspace-shell.tsx). */
export default async function WorkspaceLayout(props: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const locale = toLocale((await props.params).locale);
  return <WorkspaceShell locale={locale}>{props.children}</WorkspaceShell>;
}
