import { describe, expect, it } from "vitest";

import type { Role } from "@/lib/generated/prisma/enums";

import { can, permissionsOf } from "./permissions";

describe("permission matrix", () => {
  it("gives subjects only their own actions", () => {
    expect(permissionsOf("SUBJECT").sort()).toEqual([
      "personal-data:read-own",
      "privacy-signal:own",
      "request:file",
      "request:message-own",
      "request:withdraw-own",
    ]);
  });

  it("keeps staff out of manager configuration", () => {
    expect(can("STAFF", "queue:read")).toBe(true);
    expect(can("STAFF", "request:complete")).toBe(true);
    expect(can("STAFF", "policy:configure")).toBe(false);
    expect(can("STAFF", "request:file")).toBe(false);
  });

  it("lets managers configure and work the queue", () => {
    expect(can("MANAGER", "policy:configure")).toBe(true);
    expect(can("MANAGER", "queue:read")).toBe(true);
  });

  it("fails closed for no role, unknown roles and unknown permissions", () => {
    expect(can(null, "queue:read")).toBe(false);
    expect(can(undefined, "request:file")).toBe(false);
    expect(can("ROOT" as Role, "queue:read")).toBe(false);
    expect(can("MANAGER", "nope" as never)).toBe(false);
  });
});
