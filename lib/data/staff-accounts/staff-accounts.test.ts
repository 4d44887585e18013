import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { ZStaffAdd } from "@/lib/validation/policies-config";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: staff accounts as managers and administrators manage them, against a real
// PostgreSQL database.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let mod: {
  add: typeof import("./add-staff");
  change: typeof import("./change-staff-role");
  remove: typeof import("./remove-staff");
  list: typeof import("./list-staff");
  audit: typeof import("@/lib/audit/verify");
};
let counter = 0;

const email = () => `${randomUUID()}@test.example.jp`;

async function person(role: Actor["role"], withSubject = false): Promise<Actor> {
  const user = await db.user.create({ data: { email: email(), role, name: `試験 ${role}` } });
  if (withSubject)
    await db.subject.create({
      data: { userId: user.id, familyName: "試験", givenName: "花子", email: user.email },
    });
  return { userId: user.id, role, email: user.email, ip: "127.0.0.1", passkeyAt: new Date() };
}

async function assignOpenRequest(assigneeId: string) {
  counter += 1;
  const subject = await db.subject.create({ data: { familyName: "担当", givenName: "花子" } });
  await db.request.create({
    data: {
      reference: `R-2092-${String(counter).padStart(6, "0")}`,
      type: "DISCLOSURE",
      status: "IN_PROGRESS",
      subjectId: subject.id,
      filerRole: "SELF",
      channel: "WEB",
      jurisdictions: ["JP"],
      details: {},
      receivedAt: new Date(),
      dueAt: new Date(Date.now() + 86_400_000),
      assigneeId,
    },
  });
}

const roleOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).role;

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    add: await import("./add-staff"),
    change: await import("./change-staff-role"),
    remove: await import("./remove-staff"),
    list: await import("./list-staff"),
    audit: await import("@/lib/audit/verify"),
  };
});

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

describe("staff accounts", () => {
  it("refuses STAFF and SUBJECT everything", async () => {
    const target = await person("STAFF");
    for (const role of ["STAFF", "SUBJECT"] as const) {
      const actor = await person(role);
      await expect(mod.list.listStaff({ actor })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        mod.add.addStaff({ actor, input: { email: email(), name: "新人", role: "STAFF" } }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        mod.change.changeStaffRole({ actor, input: { userId: target.userId, role: "MANAGER" } }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(mod.remove.removeStaff({ actor, userId: target.userId })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect(await roleOf(target.userId)).toBe("STAFF");
  });

  it("adds a new account and promotes a plain sign-in, audited without names or emails", async () => {
    const manager = await person("MANAGER");
    const input = ZStaffAdd.parse({
      email: `  NEW.${randomUUID()}@Test.example.jp `,
      name: "新人 太郎",
      role: "STAFF",
    });
    const { id } = await mod.add.addStaff({ actor: manager, input });
    const user = await db.user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ email: input.email, name: "新人 太郎", role: "STAFF" });
    const [event] = await db.auditEvent.findMany({ where: { action: "staff.add", entityId: id } });
    expect(event?.data).toEqual({ from: null, to: "STAFF", created: true });
    expect(JSON.stringify(event?.data)).not.toContain("新人");

    const plain = await person("SUBJECT");
    await mod.add.addStaff({
      actor: manager,
      input: { email: plain.email, name: "x", role: "STAFF" },
    });
    expect(await roleOf(plain.userId)).toBe("STAFF");

    const listed = await mod.list.listStaff({ actor: manager });
    expect(listed.find((s) => s.id === id)).toMatchObject({ role: "STAFF", openAssigned: 0 });
    expect(listed.some((s) => s.role === "SUBJECT")).toBe(false);
    expect((await mod.audit.verifyAuditChain(db)).ok).toBe(true);
  });

  it("refuses a data subject, an existing staff member and, for a manager, elevated roles", async () => {
    const manager = await person("MANAGER");
    const subject = await person("SUBJECT", true);
    await expect(
      mod.add.addStaff({
        actor: manager,
        input: { email: subject.email, name: "x", role: "STAFF" },
      }),
    ).rejects.toMatchObject({ fieldErrors: { email: "settingsPolicies.errors.isDataSubject" } });
    expect(await roleOf(subject.userId)).toBe("SUBJECT");

    const known = email();
    await db.subject.create({ data: { familyName: "記録", givenName: "のみ", email: known } });
    await expect(
      mod.add.addStaff({ actor: manager, input: { email: known, name: "x", role: "STAFF" } }),
    ).rejects.toMatchObject({ messageKey: "settingsPolicies.errors.isDataSubject" });
    expect(await db.user.count({ where: { email: known } })).toBe(0);

    const staff = await person("STAFF");
    await expect(
      mod.add.addStaff({ actor: manager, input: { email: staff.email, name: "x", role: "STAFF" } }),
    ).rejects.toMatchObject({ messageKey: "settingsPolicies.errors.alreadyStaff" });

    const fresh = email();
    await expect(
      mod.add.addStaff({ actor: manager, input: { email: fresh, name: "x", role: "MANAGER" } }),
    ).rejects.toMatchObject({
      fieldErrors: { role: "settingsPolicies.errors.elevatedNeedsAdmin" },
    });
    expect(await db.user.count({ where: { email: fresh } })).toBe(0);
  });

  it("lets only an ADMIN grant or remove MANAGER; nobody changes their own role", async () => {
    const manager = await person("MANAGER");
    const admin = await person("ADMIN");
    const staff = await person("STAFF");
    const otherManager = await person("MANAGER");

    await expect(
      mod.change.changeStaffRole({
        actor: manager,
        input: { userId: staff.userId, role: "MANAGER" },
      }),
    ).rejects.toMatchObject({ messageKey: "settingsPolicies.errors.elevatedNeedsAdmin" });
    await expect(
      mod.remove.removeStaff({ actor: manager, userId: otherManager.userId }),
    ).rejects.toMatchObject({ messageKey: "settingsPolicies.errors.elevatedNeedsAdmin" });
    expect(await roleOf(staff.userId)).toBe("STAFF");

    await mod.change.changeStaffRole({
      actor: admin,
      input: { userId: staff.userId, role: "MANAGER" },
    });
    expect(await roleOf(staff.userId)).toBe("MANAGER");
    const [event] = await db.auditEvent.findMany({
      where: { action: "staff.role.change", entityId: staff.userId },
    });
    expect(event).toMatchObject({ actorId: admin.userId, data: { from: "STAFF", to: "MANAGER" } });

    for (const actor of [manager, admin])
      await expect(
        mod.change.changeStaffRole({ actor, input: { userId: actor.userId, role: "STAFF" } }),
      ).rejects.toMatchObject({ messageKey: "settingsPolicies.errors.ownRole" });
    await expect(
      mod.remove.removeStaff({ actor: admin, userId: admin.userId }),
    ).rejects.toMatchObject({ messageKey: "settingsPolicies.errors.ownRole" });
    expect(await roleOf(admin.userId)).toBe("ADMIN");
  });

  it("refuses to remove someone holding open requests, saying how many", async () => {
    const manager = await person("MANAGER");
    const staff = await person("STAFF");
    await assignOpenRequest(staff.userId);
    await assignOpenRequest(staff.userId);
    expect(await mod.remove.removeStaff({ actor: manager, userId: staff.userId })).toEqual({
      removed: false,
      openRequests: 2,
    });
    expect(await roleOf(staff.userId)).toBe("STAFF");
    const listed = await mod.list.listStaff({ actor: manager });
    expect(listed.find((s) => s.id === staff.userId)?.openAssigned).toBe(2);

    await db.request.updateMany({
      where: { assigneeId: staff.userId },
      data: { assigneeId: null },
    });
    expect(await mod.remove.removeStaff({ actor: manager, userId: staff.userId })).toEqual({
      removed: true,
    });
    expect(await roleOf(staff.userId)).toBe("SUBJECT");
    expect(
      await db.auditEvent.count({ where: { action: "staff.remove", entityId: staff.userId } }),
    ).toBe(1);
  });

  it("keeps the last ADMIN, even when two admins demote each other at once", async () => {
    const a = await person("ADMIN");
    const b = await person("ADMIN");
    await db.user.updateMany({
      where: { role: "ADMIN", id: { notIn: [a.userId, b.userId] } },
      data: { role: "STAFF" },
    });
    // Each acts on a session read before the other's change: the row locks serialise them.
    const results = await Promise.allSettled([
      mod.change.changeStaffRole({ actor: a, input: { userId: b.userId, role: "STAFF" } }),
      mod.change.changeStaffRole({ actor: b, input: { userId: a.userId, role: "STAFF" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused?.reason).toMatchObject({ messageKey: "settingsPolicies.errors.lastAdmin" });
    expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(1);
  });
});
