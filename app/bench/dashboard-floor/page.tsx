import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import pg from "pg";

import { DashboardFacts, DashboardTables } from "@/components/manager/dashboard/dashboard-figures";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { getTranslator } from "@/lib/i18n/translate";

import { floorFigures } from "./figures";

export const dynamic = "force-dynamic";

// The benchmark floor (scripts/bench/all.ts): the least a page can do to show the manager
// dashboard's figures — session cookie to a manager in one query, then getDashboard's queries
// as plain SQL over plain pg (./figures.ts), rendered with the same components as the manager page (DashboardFacts, DashboardTables).
// Never part of the product: without BENCH_FLOOR=1 it is not found.

const globalForFloor = globalThis as unknown as { __dashboardFloorPool?: pg.Pool };

function pool(url: string): pg.Pool {
  return (globalForFloor.__dashboardFloorPool ??= new pg.Pool({ connectionString: url, max: 10 }));
}

export default async function DashboardFloorPage() {
  // eslint-disable-next-line no-restricted-properties -- a benchmark-only switch that must not exist in lib/env.ts (the product never reads it); the floor needs no other configuration
  const { BENCH_FLOOR, DATABASE_URL } = process.env;
  if (BENCH_FLOOR !== "1" || !DATABASE_URL) notFound();
  const token = (await cookies()).get("authjs.session-token")?.value;
  if (!token) notFound();
  const db = pool(DATABASE_URL);
  const session = await db.query<{ role: Role }>(
    `SELECT u.role::text AS role FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s."sessionToken" = $1 AND s.expires > now()`,
    [token],
  );
  const role = session.rows[0]?.role;
  if (!role || !can(role, "manager:dashboard")) notFound();
  const d = await floorFigures(db, new Date());
  const t = getTranslator("ja");
  return (
    <>
      <DashboardFacts d={d} locale="ja" t={t} />
      <DashboardTables d={d} locale="ja" t={t} />
    </>
  );
}
