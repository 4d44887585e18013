import {
  ClipboardPen,
  Gavel,
  Inbox,
  LayoutDashboard,
  type LucideIcon,
  Settings,
  ShieldCheck,
  UserRound,
} from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

import { getActor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { getWorkspaceCounts } from "@/lib/data/workspace/workspace-counts";
import type { Locale } from "@/lib/i18n/config";
import { getTranslator, type MessageKey } from "@/lib/i18n/translate";

import { NavLink } from "./nav-link";

interface Item {
  key: string;
  path: string;
  label: MessageKey;
  icon: LucideIcon;
  permission: Permission;
  match: "exact" | "prefix";
  count?: { value: number | null; label: MessageKey; tone?: "danger" };
}

/**
 * The staff and manager workspace (issue 15): a sidebar with the work a role may do and how much
 * of it is waiting, beside the page. Rendered by the staff and manager layouts; for anyone who may
 * not read the queue it renders the page alone, which then redirects or refuses as it always did
 * (authorization stays in the pages and the data layer).
 */
export async function WorkspaceShell({
  locale,
  children,
}: {
  locale: Locale;
  children: ReactNode;
}) {
  const actor = await getActor();
  if (!actor || !can(actor.role, "queue:read")) return children;
  const t = getTranslator(locale);
  const counts = await getWorkspaceCounts(actor);
  const items: Item[] = [
    {
      key: "queue",
      path: "/staff",
      label: "workspace.queue",
      icon: Inbox,
      permission: "queue:read",
      match: "exact",
      count: { value: counts.open, label: "workspace.openCount" },
    },
    {
      key: "enter",
      path: "/staff/requests/new",
      label: "workspace.enter",
      icon: ClipboardPen,
      permission: "request:enter",
      match: "exact",
    },
    {
      key: "approvals",
      path: "/staff/approvals",
      label: "workspace.approvals",
      icon: ShieldCheck,
      permission: "request:approve",
      match: "exact",
      count: { value: counts.approvals, label: "workspace.approvalsCount" },
    },
    {
      key: "dashboard",
      path: "/manager",
      label: "workspace.dashboard",
      icon: LayoutDashboard,
      permission: "manager:dashboard",
      match: "exact",
      count: { value: counts.overdue, label: "workspace.overdueCount", tone: "danger" },
    },
    {
      key: "law-enforcement",
      path: "/manager/law-enforcement",
      label: "workspace.lawEnforcement",
      icon: Gavel,
      permission: "manager:dashboard",
      match: "prefix",
    },
    {
      key: "settings",
      path: "/manager/settings",
      label: "workspace.settings",
      icon: Settings,
      permission: "policy:configure",
      match: "prefix",
    },
  ];
  const visible = items.filter((item) => can(actor.role, item.permission));
  return (
    <div className="workspace">
      <nav className="sidebar" aria-label={t("workspace.nav")}>
        <ul>
          {visible.map(({ key, path, label, icon: Icon, match, count }) => (
            <li key={key}>
              <NavLink href={`/${locale}${path}`} match={match}>
                <Icon aria-hidden="true" size={18} strokeWidth={1.75} />
                <span className="label">{t(label)}</span>
                {count && count.value !== null && count.value > 0 && (
                  <span className="count" data-tone={count.tone} data-testid={`count-${key}`}>
                    <span aria-hidden="true">{count.value}</span>
                    <span className="visually-hidden">
                      {t(count.label, { count: count.value })}
                    </span>
                  </span>
                )}
              </NavLink>
            </li>
          ))}
        </ul>
        <p className="sidebar-foot">
          <Link href={`/${locale}/staff?assignee=me`}>
            <UserRound aria-hidden="true" size={16} strokeWidth={1.75} />
            <span>{t("workspace.mineCount", { count: counts.mine })}</span>
          </Link>
        </p>
      </nav>
      <div className="workspace-page">{children}</div>
    </div>
  );
}
