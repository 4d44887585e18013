import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: the workspace sidebar's figures (issue 15): open requests, those assigned to the
// reader, those past their (extended) due date, and pending approvals for those who decide them.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let counts: typeof import("./workspace-counts");
let staff: Actor;
let manager: Actor;
let subjectId: string;
let n = 0;
const DAY = 86_400_000;

async function request(
  status: RequestStatus,
  options: { dueInDays: number; extendedInDays?: number; assigneeId?: string },
) {
  n += 1;
  return db.request.create({
    data: {
      reference: `R-2094-${String(n).padStart(6, "0")}`,
      type: "DISCLOSURE",
      status,
      subjectId,
      dueAt: new Date(Date.now() + options.dueInDays * DAY),
      extendedDueAt:
        options.extendedInDays === undefined
          ? null
          : new Date(Date.now() + options.extendedInDays * DAY),
      assigneeId: options.assigneeId ?? null,
    },
  });
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  db = (await import("@/lib/db")).getDb();
  counts = await import("./workspace-counts");
  subjectId = (await db.subject.create({ data: { familyName: "集計", givenName: "花子" } })).id;
  const s = await db.user.create({ data: { email: "ws-s@test.example.jp", role: "STAFF" } });
  const m = await db.user.create({ data: { email: "ws-m@test.example.jp", role: "MANAGER" } });
  staff = { userId: s.id, role: "STAFF", ip: null } as Actor;
  manager = { userId: m.id, role: "MANAGER", ip: null } as Actor;
  await request("IN_PROGRESS", { dueInDays: 10, assigneeId: s.id });
  await request("AWAITING_IDENTITY", { dueInDays: -1 });
  // Past its first due date, but extended: not overdue.
  await request("IN_PROGRESS", { dueInDays: -2, extendedInDays: 20, assigneeId: s.id });
  const waiting = await request("AWAITING_APPROVAL", { dueInDays: 5 });
  await request("COMPLETED", { dueInDays: -30, assigneeId: s.id });
  await db.approval.create({
    data: { requestId: waiting.id, kind: "REFUSAL", requestedById: s.id, decision: "PENDING" },
  });
});

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

describe("workspace counts", () => {
  it("counts open, mine and overdue for staff, without approvals they may not decide", async () => {
    expect(await counts.getWorkspaceCounts(staff)).toEqual({
      open: 4,
      mine: 2,
      overdue: 1,
      approvals: null,
    });
  });

  it("adds the pending approvals for a manager", async () => {
    expect(await counts.getWorkspaceCounts(manager)).toMatchObject({
      open: 4,
      mine: 0,
      approvals: 1,
    });
  });

  it("refuses a subject", async () => {
    const subject = { userId: "x", role: "SUBJECT", ip: null } as Actor;
    await expect(counts.getWorkspaceCounts(subject)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
