import type { Role } from "@/lib/generated/prisma/enums";

// The one permission matrix: every action a person can take, and the roles that may take it.
// Checks fail closed: an unknown permission or role grants nothing.
const MATRIX = {
  // Subjects and agents
  "request:file": ["SUBJECT"],
  "request:withdraw-own": ["SUBJECT"],
  "request:message-own": ["SUBJECT"],
  "personal-data:read-own": ["SUBJECT"],
  // The person's browser opts them out by a Global Privacy Control signal (issue 16).
  "privacy-signal:own": ["SUBJECT"],
  // Support staff
  "queue:read": ["STAFF", "MANAGER", "ADMIN"],
  "request:read-any": ["STAFF", "MANAGER", "ADMIN"],
  "request:verify-identity": ["STAFF", "MANAGER", "ADMIN"],
  "request:complete": ["STAFF", "MANAGER", "ADMIN"],
  "request:message-any": ["STAFF", "MANAGER", "ADMIN"],
  "request:assign": ["STAFF", "MANAGER", "ADMIN"],
  "request:enter": ["STAFF", "MANAGER", "ADMIN"],
  "request:fulfil": ["STAFF", "MANAGER", "ADMIN"],
  "identity-document:view": ["STAFF", "MANAGER", "ADMIN"],
  // The second pair of eyes on refusals and erasures (never the person who asked for it).
  "request:approve": ["MANAGER", "ADMIN"],
  // Managers
  "manager:dashboard": ["MANAGER", "ADMIN"],
  "policy:configure": ["MANAGER", "ADMIN"],
  // Configuration (issue 5): the data map (systems, categories, purposes, recipients), staff
  // accounts (managers add and remove staff; only an admin grants or removes MANAGER or ADMIN),
  // and the integration API's keys and webhooks (issue 6).
  "data-map:configure": ["MANAGER", "ADMIN"],
  "staff:manage": ["MANAGER", "ADMIN"],
  "staff:grant-elevated": ["ADMIN"],
  "integration:configure": ["MANAGER", "ADMIN"],
  // Passkeys (issue 13): an admin may revoke another person's (they register anew at next sign-in).
  "passkeys:revoke": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof MATRIX;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  const allowed: readonly Role[] | undefined = MATRIX[permission];
  return allowed?.includes(role) ?? false;
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(MATRIX) as Permission[]).filter((p) => can(role, p));
}

export const STAFF_ROLES: readonly Role[] = MATRIX["queue:read"];
