import { randomInt, randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { Jurisdiction } from "@/lib/generated/prisma/enums";
import type { TProposeExtension } from "@/lib/validation/extensions";
import { deadlinePolicies } from "@/prisma/seed/organisation";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: deadline extensions proposed by staff and decided by a second person (four eyes),
// with the Extension row, the recomputed due date and the requester's notice, against a real
// PostgreSQL database with the seeded deadline policies.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let mod: {
  propose: typeof import("./propose-extension");
  decide: typeof import("./decide-approval");
  list: typeof import("./list-approvals");
  state: typeof import("./get-decision-state");
  audit: typeof import("@/lib/audit/verify");
  boss: typeof import("@/lib/jobs/boss");
};

const jst = (s: string) => new Date(`${s}+09:00`);
const endOf = (day: string) => jst(`${day}T23:59:59.999`).toISOString();
// The EU counts in Brussels time (summer time from Mar 29, 2026), California in Los Angeles time.
const endAt = (day: string, offset: string) =>
  new Date(`${day}T23:59:59.999${offset}`).toISOString();

async function person(role: Actor["role"]): Promise<Actor> {
  const user = await db.user.create({
    data: { email: `${randomUUID()}@test.example.jp`, role, name: `${role} ${randomInt(1e6)}` },
  });
  return { userId: user.id, role, email: user.email, ip: "127.0.0.1", passkeyAt: new Date() };
}

/** An IN_PROGRESS request of these jurisdictions received at `receivedAt`, filed by a subject. */
async function openRequest(jurisdictions: Jurisdiction[], receivedAt: Date) {
  const subject = await person("SUBJECT");
  const record = await db.subject.create({
    data: { userId: subject.userId, familyName: "延長", givenName: "花子" },
  });
  const reference = `R-2098-${String(randomInt(1e6)).padStart(6, "0")}`;
  const request = await db.request.create({
    data: {
      reference,
      type: "DISCLOSURE",
      status: "IN_PROGRESS",
      subjectId: record.id,
      filedById: subject.userId,
      jurisdictions,
      details: { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" },
      locale: "en",
      receivedAt,
      identityVerifiedAt: receivedAt,
      dueAt: new Date(endOf("2026-02-28")),
    },
  });
  return { subject, reference, id: request.id };
}

const input = (reference: string, extra: Partial<TProposeExtension> = {}): TProposeExtension => ({
  reference,
  jurisdiction: "EU",
  reason: "The request covers many years of records.",
  dueChoice: "MAXIMUM",
  newDueDate: "",
  ...extra,
});

const mailJobs = (to: string) =>
  db.$queryRawUnsafe<{ kind: string; dueDate: string; reason: string; reference: string }[]>(
    `SELECT data->>'kind' AS kind, data->'params'->>'dueDate' AS "dueDate",
            data->'params'->>'reason' AS reason, data->'params'->>'reference' AS reference
       FROM pgboss.job WHERE name = 'mail-send' AND data->>'to' = $1`,
    to,
  );

const auditActions = async (requestId: string) =>
  (await db.auditEvent.findMany({ where: { requestId }, orderBy: { id: "asc" } })).map(
    (a) => a.action,
  );

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  await db.deadlinePolicy.createMany({ data: [...deadlinePolicies] });
  mod = {
    propose: await import("./propose-extension"),
    decide: await import("./decide-approval"),
    list: await import("./list-approvals"),
    state: await import("./get-decision-state"),
    audit: await import("@/lib/audit/verify"),
    boss: await import("@/lib/jobs/boss"),
  };
});

afterAll(async () => {
  await (await mod.boss.getBoss()).stop({ graceful: false });
  await db.$disconnect();
  await testDb.drop();
});

describe("deadline extensions", () => {
  it("are proposed by staff, approved by a manager, stored, recomputed and notified", async () => {
    const staff = await person("STAFF");
    const manager = await person("MANAGER");
    const { subject, reference, id } = await openRequest(["EU"], jst("2026-01-31T10:00:00"));
    const now = jst("2026-02-10T09:00:00");

    const { approvalId } = await mod.propose.proposeExtension({
      actor: staff,
      input: input(reference),
      now,
    });
    const approval = await db.approval.findUniqueOrThrow({ where: { id: approvalId } });
    expect(approval).toMatchObject({ kind: "EXTENSION", decision: "PENDING" });
    expect(await db.extension.count({ where: { requestId: id } })).toBe(0);
    const proposed = await db.requestEvent.findFirstOrThrow({
      where: { requestId: id, kind: "extensionProposed" },
    });
    expect(proposed.visibleToRequester).toBe(false);
    // The manager's inbox lists it although the request stays IN_PROGRESS.
    const inbox = await mod.list.listPendingApprovals({ actor: manager });
    expect(inbox.find((a) => a.id === approvalId)).toMatchObject({ kind: "EXTENSION", reference });
    // The outcome part of the decision panel ignores a pending extension.
    expect((await mod.state.getDecisionState({ actor: staff, reference })).pending).toBeNull();
    const state = await mod.propose.getExtensionState({ actor: staff, reference });
    expect(state.pending?.proposal.reason).toBe(input(reference).reason);
    // A second proposal while one is pending is refused.
    await expect(
      mod.propose.proposeExtension({ actor: staff, input: input(reference), now }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "extensions.pendingExists" });

    await mod.decide.decideApproval({
      actor: manager,
      input: { reference, approvalId, decision: "APPROVED", note: "" },
      now,
    });

    const extension = await db.extension.findFirstOrThrow({ where: { requestId: id } });
    expect(extension.jurisdiction).toBe("EU");
    expect(extension.noticeSentAt?.toISOString()).toBe(now.toISOString());
    // One month + two months from 31 January is 30 April (clamped to the month's last day).
    expect(extension.newDueAt.toISOString()).toBe(endAt("2026-04-30", "+02:00"));
    const request = await db.request.findUniqueOrThrow({ where: { id } });
    expect(request.status).toBe("IN_PROGRESS");
    expect(request.extendedDueAt?.toISOString()).toBe(endAt("2026-04-30", "+02:00"));

    const extended = await db.requestEvent.findFirstOrThrow({
      where: { requestId: id, kind: "extended" },
    });
    expect(extended.visibleToRequester).toBe(true);
    expect(extended.note).toBe(input(reference).reason);

    const mails = (await mailJobs(subject.email)).filter((m) => m.kind === "extensionNotice");
    expect(mails).toEqual([
      {
        kind: "extensionNotice",
        dueDate: endAt("2026-04-30", "+02:00"),
        reason: input(reference).reason,
        reference,
      },
    ]);
    expect(await auditActions(id)).toEqual([
      "approval.request",
      "approval.approve",
      "request.extend",
    ]);
    expect((await mod.audit.verifyAuditChain(db)).ok).toBe(true);

    // Once only.
    await expect(
      mod.propose.proposeExtension({ actor: staff, input: input(reference), now }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      messageKey: "deadlines.extension.alreadyExtended",
      fieldErrors: { newDueDate: "deadlines.extension.alreadyExtended" },
    });
  });

  it("can never be approved by the person who asked", async () => {
    const manager = await person("MANAGER");
    const { reference, id } = await openRequest(["EU"], jst("2026-01-31T10:00:00"));
    const now = jst("2026-02-10T09:00:00");
    const { approvalId } = await mod.propose.proposeExtension({
      actor: manager,
      input: input(reference),
      now,
    });
    await expect(
      mod.decide.decideApproval({
        actor: manager,
        input: { reference, approvalId, decision: "APPROVED", note: "" },
        now,
      }),
    ).rejects.toMatchObject({ code: "SELF_APPROVAL" });
    expect(await db.extension.count({ where: { requestId: id } })).toBe(0);
    expect((await db.request.findUniqueOrThrow({ where: { id } })).extendedDueAt).toBeNull();
  });

  it("when rejected records a hidden event and changes nothing else", async () => {
    const staff = await person("STAFF");
    const manager = await person("MANAGER");
    const { subject, reference, id } = await openRequest(["EU"], jst("2026-01-31T10:00:00"));
    const now = jst("2026-02-10T09:00:00");
    const { approvalId } = await mod.propose.proposeExtension({
      actor: staff,
      input: input(reference),
      now,
    });
    await mod.decide.decideApproval({
      actor: manager,
      input: { reference, approvalId, decision: "REJECTED", note: "Not complex enough" },
      now,
    });
    const request = await db.request.findUniqueOrThrow({ where: { id } });
    expect(request).toMatchObject({ status: "IN_PROGRESS", extendedDueAt: null });
    expect(await db.extension.count({ where: { requestId: id } })).toBe(0);
    const rejected = await db.requestEvent.findFirstOrThrow({
      where: { requestId: id, kind: "extensionRejected" },
    });
    expect(rejected).toMatchObject({ visibleToRequester: false, note: "Not complex enough" });
    expect(await mailJobs(subject.email)).toEqual([]);
    expect(await auditActions(id)).toEqual(["approval.request", "approval.reject"]);
  });

  it("is refused after the first month, past the maximum, and where the law has none", async () => {
    const staff = await person("STAFF");
    const late = await openRequest(["EU"], jst("2026-01-10T10:00:00"));
    await expect(
      mod.propose.proposeExtension({
        actor: staff,
        input: input(late.reference),
        now: jst("2026-02-15T09:00:00"),
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      messageKey: "deadlines.extension.noticeTooLate",
    });
    // The panel no longer offers it: the first month has passed.
    expect(
      await mod.propose.getExtensionState({ actor: staff, reference: late.reference }),
    ).toMatchObject({ extendable: [], closed: ["EU"] });

    const far = await openRequest(["EU"], jst("2026-01-31T10:00:00"));
    await expect(
      mod.propose.proposeExtension({
        actor: staff,
        input: input(far.reference, { dueChoice: "DATE", newDueDate: "2026-05-01" }),
        now: jst("2026-02-10T09:00:00"),
      }),
    ).rejects.toMatchObject({ messageKey: "deadlines.extension.beyondMaximum" });

    const jp = await openRequest(["JP"], jst("2026-01-31T10:00:00"));
    await expect(
      mod.propose.proposeExtension({
        actor: staff,
        input: input(jp.reference, { jurisdiction: "JP" }),
        now: jst("2026-02-02T09:00:00"),
      }),
    ).rejects.toMatchObject({ messageKey: "deadlines.extension.notAllowed" });
    expect(
      (await mod.propose.getExtensionState({ actor: staff, reference: jp.reference })).extendable,
    ).toEqual([]);
    for (const r of [late, far, jp]) {
      expect(await db.approval.count({ where: { requestId: r.id } })).toBe(0);
      expect(await db.requestEvent.count({ where: { requestId: r.id } })).toBe(0);
    }
  });

  it("accepts a chosen date within the maximum (US-CA: 45 + 45 days)", async () => {
    const staff = await person("STAFF");
    const manager = await person("MANAGER");
    const { reference, id } = await openRequest(["US_CA"], jst("2026-04-28T10:00:00"));
    const now = jst("2026-05-01T09:00:00");
    const { approvalId } = await mod.propose.proposeExtension({
      actor: staff,
      input: input(reference, {
        jurisdiction: "US_CA",
        dueChoice: "DATE",
        newDueDate: "2026-07-01",
      }),
      now,
    });
    await mod.decide.decideApproval({
      actor: manager,
      input: { reference, approvalId, decision: "APPROVED", note: "" },
      now,
    });
    const request = await db.request.findUniqueOrThrow({ where: { id } });
    expect(request.extendedDueAt?.toISOString()).toBe(endAt("2026-07-01", "-07:00"));
  });
});
