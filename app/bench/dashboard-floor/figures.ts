import type pg from "pg";

import { readDashboard, type Dashboard } from "@/lib/data/dashboard/dashboard-query";

// The dashboard floor's figures: getDashboard's own queries (lib/data/dashboard/
// dashboard-query.ts) sent over plain pg, without the permission check, and summed the same way.
export async function floorFigures(db: pg.Pool, now: Date): Promise<Dashboard> {
  return readDashboard(
    async <T>(q: { text: string; values: unknown[] }) =>
      (await db.query(q.text, q.values)).rows as T[],
    now,
  );
}
