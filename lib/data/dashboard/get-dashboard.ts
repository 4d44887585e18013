import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { sqlRows } from "@/lib/db";
import { AppError } from "@/lib/errors";

import {
  assembleDashboard,
  dashboardQueries,
  type Dashboard,
  type DashboardRows,
} from "./dashboard-query";

export type { CloseTime, Count, Dashboard, WeekBucket, Workload } from "./dashboard-query";

/**
 * The manager dashboard's figures at `now` (definitions in ./dashboard-query.ts): six aggregate
 * queries in parallel over the app's pool, for managers only.
 */
export async function getDashboard(options: { actor: Actor; now?: Date }): Promise<Dashboard> {
  if (!can(options.actor.role, "manager:dashboard")) throw new AppError("FORBIDDEN");
  const now = options.now ?? new Date();
  const rows = await Promise.all(dashboardQueries(now).map((q) => sqlRows(q)));
  return assembleDashboard(now, rows as DashboardRows);
}
