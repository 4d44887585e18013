import type pg from "pg";

import {
  assembleDashboard,
  dashboardQueries,
  type Dashboard,
  type DashboardRows,
} from "@/lib/data/dashboard/dashboard-query";

// The dashboard floor's figures: getDashboard's own six queries (lib/data/dashboard/
// dashboard-query.ts) sent over plain pg, without the permission check, and summed the same way.
export async function floorFigures(db: pg.Pool, now: Date): Promise<Dashboard> {
  const results = await Promise.all(
    dashboardQueries(now).map((q) => db.query<Record<string, unknown>>(q.text, q.values)),
  );
  return assembleDashboard(now, results.map((r) => r.rows) as unknown as DashboardRows);
}
