import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { STAFF_ROLES } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { OPEN_STATUSES } from "@/lib/requests/lifecycle";

import { requireStaffManage } from "./role-rules";

const ROLE_ORDER = ["ADMIN", "MANAGER", "STAFF"];

/** The staff accounts with how many open requests and passkeys each holds, administrators first. */
export async function listStaff(options: { actor: Actor }) {
  requireStaffManage(options.actor);
  const users = await getDb().user.findMany({
    where: { role: { in: [...STAFF_ROLES] } },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      _count: {
        select: {
          assignedRequests: { where: { status: { in: [...OPEN_STATUSES] } } },
          passkeys: true,
        },
      },
    },
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
  return users
    .map((u) => ({
      id: u.id,
      name: u.name ?? "",
      email: u.email,
      role: u.role,
      openAssigned: u._count.assignedRequests,
      passkeys: u._count.passkeys,
    }))
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
}

export type StaffAccount = Awaited<ReturnType<typeof listStaff>>[number];
