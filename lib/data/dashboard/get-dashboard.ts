import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { sqlRows } from "@/lib/db";
import { laggingRows } from "@/lib/db-replica";
import { AppError } from "@/lib/errors";

import { readDashboard, type Dashboard } from "./dashboard-query";

export type { CloseTime, Count, Dashboard, WeekBucket, Workload } from "./dashboard-query";

/**
 * The manager dashboard's figures at `now` (definitions in ./dashboard-query.ts): four queries in
 * parallel over the app's pool, on the tallies the database keeps, for managers only.
 */
export async function getDashboard(options: { actor: Actor; now?: Date }): Promise<Dashboard> {
  if (!can(options.actor.role, "manager:dashboard")) throw new AppError("FORBIDDEN");
  const now = options.now ?? new Date();
  // Reads that tolerate a second of lag on the replica when there is one (lib/db-replica.ts); the
  // day's time-to-close snapshot, when it is still to be built, on the primary.
  return readDashboard(
    (query) => laggingRows(query),
    now,
    (query) => sqlRows(query),
  );
}
