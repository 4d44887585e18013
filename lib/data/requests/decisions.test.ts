import { randomInt, randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { RequestType, TaskStatus } from "@/lib/generated/prisma/enums";
import type { TDecision } from "@/lib/validation/decisions";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: outcomes, refusals with grounds and four-eyes approvals through the data layer,
// against a real PostgreSQL database.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let mod: {
  complete: typeof import("./complete-request");
  propose: typeof import("./propose-outcome");
  decide: typeof import("./decide-approval");
  state: typeof import("./get-decision-state");
  list: typeof import("./list-approvals");
  get: typeof import("./get-request");
  templates: typeof import("@/lib/data/templates/list-templates");
  message: typeof import("@/lib/data/messages/send-message");
  audit: typeof import("@/lib/audit/verify");
  boss: typeof import("@/lib/jobs/boss");
};

async function person(role: Actor["role"]): Promise<Actor> {
  const user = await db.user.create({
    data: { email: `${randomUUID()}@test.example.jp`, role, name: `${role} ${randomInt(1e6)}` },
  });
  return { userId: user.id, role, email: user.email, ip: "127.0.0.1", passkeyAt: new Date() };
}

/** A verified request (IN_PROGRESS) filed by a new subject. */
async function verifiedRequest(
  type: RequestType = "DISCLOSURE",
  details: object = { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" },
  locale: "ja" | "en" = "ja",
) {
  const subject = await person("SUBJECT");
  const record = await db.subject.create({
    data: { userId: subject.userId, familyName: "試験", givenName: "花子" },
  });
  const reference = `R-2099-${String(randomInt(1e6)).padStart(6, "0")}`;
  const request = await db.request.create({
    data: {
      reference,
      type,
      status: "IN_PROGRESS",
      subjectId: record.id,
      filedById: subject.userId,
      details,
      locale,
      identityVerifiedAt: new Date(),
      dueAt: new Date("2099-01-10T00:00:00Z"),
    },
  });
  return { subject, reference, id: request.id };
}

const ERASURE = {
  action: "ERASE",
  purposeKeys: [],
  erasureScope: "ALL",
  categoryKeys: [],
  ground: "NO_LONGER_NEEDED",
  groundText: "",
  previewConfirmed: true,
};

const refusal = (reference: string, extra: Partial<TDecision> = {}): TDecision => ({
  reference,
  outcome: "REFUSED",
  grounds: ["BUSINESS_DISRUPTION"],
  note: "業務に著しい支障があるため",
  ...extra,
});

async function addTask(requestId: string, status: TaskStatus) {
  const system = await db.dataSystem.create({
    data: { key: `sys-${randomUUID()}`, nameJa: "システム", nameEn: "System" },
  });
  return db.fulfilmentTask.create({
    data: { requestId, systemId: system.id, action: "EXPORT", status },
  });
}

const auditActions = async (requestId: string) =>
  (await db.auditEvent.findMany({ where: { requestId }, orderBy: { id: "asc" } })).map(
    (a) => a.action,
  );

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    complete: await import("./complete-request"),
    propose: await import("./propose-outcome"),
    decide: await import("./decide-approval"),
    state: await import("./get-decision-state"),
    list: await import("./list-approvals"),
    get: await import("./get-request"),
    templates: await import("@/lib/data/templates/list-templates"),
    message: await import("@/lib/data/messages/send-message"),
    audit: await import("@/lib/audit/verify"),
    boss: await import("@/lib/jobs/boss"),
  };
});

afterAll(async () => {
  await (await mod.boss.getBoss()).stop({ graceful: false });
  await db.$disconnect();
  await testDb.drop();
});

describe("refusals and partial refusals", () => {
  it("need legal grounds (INVALID_INPUT without) and grounds that fit the request type", async () => {
    const staff = await person("STAFF");
    const { reference, id } = await verifiedRequest();
    await expect(
      mod.propose.proposeOutcome({ actor: staff, input: refusal(reference, { grounds: [] }) }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", messageKey: "validation.groundsRequired" });
    await expect(
      mod.propose.proposeOutcome({
        actor: staff,
        input: refusal(reference, { outcome: "PARTIALLY_FULFILLED", grounds: [] }),
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    // CONTENT_NOT_UNTRUE is a correction's ground, not a disclosure's.
    await expect(
      mod.propose.proposeOutcome({
        actor: staff,
        input: refusal(reference, { grounds: ["CONTENT_NOT_UNTRUE"] }),
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", messageKey: "validation.groundNotForType" });
    // "Manifestly unfounded or excessive" is the GDPR's ground, not APPI's: refused on a request
    // under APPI alone, accepted once the GDPR applies too.
    await expect(
      mod.propose.proposeOutcome({
        actor: staff,
        input: refusal(reference, { grounds: ["MANIFESTLY_UNFOUNDED"] }),
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", messageKey: "validation.groundNotForType" });
    expect((await db.request.findUniqueOrThrow({ where: { id } })).status).toBe("IN_PROGRESS");
    expect(await db.approval.count({ where: { requestId: id } })).toBe(0);
    const eu = await verifiedRequest();
    await db.request.update({ where: { id: eu.id }, data: { jurisdictions: ["JP", "EU"] } });
    await mod.propose.proposeOutcome({
      actor: staff,
      input: refusal(eu.reference, { grounds: ["MANIFESTLY_UNFOUNDED"] }),
    });
    expect(await db.approval.count({ where: { requestId: eu.id } })).toBe(1);
  });

  it("cannot complete directly: the lifecycle asks for approval", async () => {
    const staff = await person("STAFF");
    const { reference } = await verifiedRequest();
    await expect(
      mod.complete.completeRequest({
        actor: staff,
        input: { reference, outcome: "PARTIALLY_FULFILLED", note: "一部" },
      }),
    ).rejects.toMatchObject({ code: "APPROVAL_REQUIRED" });
    // An outcome that needs no approval is not sent for one.
    await expect(
      mod.propose.proposeOutcome({
        actor: staff,
        input: { reference, outcome: "FULFILLED", grounds: [], note: "done" },
      }),
    ).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
  });

  it("ask → approve by another person → COMPLETED with the grounds stored, timeline and audit", async () => {
    const staff = await person("STAFF");
    const manager = await person("MANAGER");
    const { reference, id, subject } = await verifiedRequest();
    // A partial disclosure is asked for with its package built; it waits for the approval and is
    // released with it.
    const prepared = await db.responsePackage.create({ data: { requestId: id, format: "JSON" } });
    const { approvalId } = await mod.propose.proposeOutcome({
      actor: staff,
      input: refusal(reference, {
        outcome: "PARTIALLY_FULFILLED",
        grounds: ["HARM_TO_PERSON", "VIOLATES_OTHER_LAW"],
        note: "第三者の情報を除いて開示します",
      }),
    });
    const waiting = await db.request.findUniqueOrThrow({ where: { id } });
    expect(waiting.status).toBe("AWAITING_APPROVAL");
    const pending = await db.approval.findUniqueOrThrow({ where: { id: approvalId } });
    expect(pending).toMatchObject({
      kind: "REFUSAL",
      decision: "PENDING",
      requestedById: staff.userId,
      proposal: {
        outcome: "PARTIALLY_FULFILLED",
        grounds: ["HARM_TO_PERSON", "VIOLATES_OTHER_LAW"],
        note: "第三者の情報を除いて開示します",
      },
    });
    const listed = await mod.list.listPendingApprovals({ actor: manager });
    expect(listed.find((a) => a.id === approvalId)).toMatchObject({
      reference,
      kind: "REFUSAL",
      askedByMe: false,
    });
    await expect(mod.list.listPendingApprovals({ actor: staff })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    await mod.decide.decideApproval({
      actor: manager,
      input: { reference, approvalId, decision: "APPROVED", note: "" },
    });

    const done = await db.request.findUniqueOrThrow({ where: { id } });
    expect(done).toMatchObject({
      status: "COMPLETED",
      outcome: "PARTIALLY_FULFILLED",
      refusalGrounds: ["HARM_TO_PERSON", "VIOLATES_OTHER_LAW"],
      outcomeNote: "第三者の情報を除いて開示します",
    });
    expect(await db.approval.findUniqueOrThrow({ where: { id: approvalId } })).toMatchObject({
      decision: "APPROVED",
      decidedById: manager.userId,
    });
    const released = await db.responsePackage.findUniqueOrThrow({ where: { id: prepared.id } });
    expect(released.releasedAt).not.toBeNull();
    expect(await db.responsePackage.count({ where: { requestId: id } })).toBe(1);

    // The requester sees the outcome with its grounds, not the internal approval steps.
    const view = await mod.get.getRequest({ actor: subject, reference });
    expect(view?.events.map((e) => e.kind)).toEqual(["approve"]);
    expect(view?.events[0]?.data).toEqual({
      outcome: "PARTIALLY_FULFILLED",
      refusalGrounds: ["HARM_TO_PERSON", "VIOLATES_OTHER_LAW"],
    });
    const staffView = await mod.get.getRequest({ actor: staff, reference });
    expect(staffView?.events.map((e) => e.kind)).toEqual(["submitForApproval", "approve"]);
    expect(await auditActions(id)).toEqual([
      "request.submitForApproval",
      "approval.request",
      "approval.approve",
      "request.approve",
      "package.release",
    ]);
    expect((await mod.audit.verifyAuditChain(db)).ok).toBe(true);
  });

  it("a refusal releases nothing, and the requester reads the grounds", async () => {
    const staff = await person("STAFF");
    const manager = await person("ADMIN");
    const { reference, id, subject } = await verifiedRequest("CORRECTION", {
      items: [],
      reason: "x",
    });
    await db.responsePackage.create({ data: { requestId: id, format: "JSON" } });
    const { approvalId } = await mod.propose.proposeOutcome({
      actor: staff,
      input: refusal(reference, { grounds: ["CONTENT_NOT_UNTRUE"], note: "記録は正確です" }),
    });
    await mod.decide.decideApproval({
      actor: manager,
      input: { reference, approvalId, decision: "APPROVED", note: "確認しました" },
    });
    const view = await mod.get.getRequest({ actor: subject, reference });
    expect(view).toMatchObject({ status: "COMPLETED", outcome: "REFUSED" });
    expect(view?.outcomeNote).toBe("記録は正確です");
    expect(view?.packages).toEqual([]);
    expect(await db.responsePackage.count({ where: { requestId: id, releasedAt: null } })).toBe(1);
    // The mail names where to complain: the PPC for a request under APPI.
    const jobs = await db.$queryRawUnsafe<{ complaint: string | null }[]>(
      `SELECT data->'params'->>'complaint' AS complaint FROM pgboss.job
        WHERE name = 'mail-send' AND data->>'to' = $1 AND data->>'kind' = 'requestStatusChanged'`,
      subject.email,
    );
    const told = jobs.filter((j) => j.complaint !== null);
    expect(told).toHaveLength(1);
    expect(JSON.parse(told[0]!.complaint!)).toEqual([
      expect.objectContaining({ key: "JP", nameJa: "個人情報保護委員会" }),
    ]);
  });

  it("names the member state's authority for the GDPR, the EU list when none is on file", async () => {
    const { complaintAuthorities } = await import("./complaint-authorities");
    const keys = async (jurisdictions: ("JP" | "EU" | "UK")[], residenceCountry: string | null) =>
      (await complaintAuthorities(db, { jurisdictions, residenceCountry })).map((a) => a.key);
    expect(await keys(["JP", "EU"], "FR")).toEqual(["JP", "EU-FR"]);
    expect(await keys(["JP", "EU"], "PL")).toEqual(["JP", "EU"]);
    expect(await keys(["JP", "UK"], "GB")).toEqual(["JP", "UK"]);
  });
});

describe("APPI Art.33(3): no such data held, or disclosed by another method", () => {
  const disclosure = { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" };

  it("closes a disclosure of a person with nothing on file as 'no such data held', releasing nothing", async () => {
    const staff = await person("STAFF");
    const { reference, id, subject } = await verifiedRequest("DISCLOSURE", disclosure);
    await mod.complete.completeRequest({
      actor: staff,
      input: { reference, outcome: "NO_DATA_HELD", note: "登録はありませんでした" },
    });
    const view = await mod.get.getRequest({ actor: subject, reference });
    expect(view).toMatchObject({ status: "COMPLETED", outcome: "NO_DATA_HELD", packages: [] });
    expect(await db.responsePackage.count({ where: { requestId: id } })).toBe(0);
    expect(await auditActions(id)).toEqual(["request.complete"]);
  });

  it("refuses 'no such data held' while the person's data is on file, and for other types", async () => {
    const staff = await person("STAFF");
    const { reference, id } = await verifiedRequest("DISCLOSURE", disclosure);
    const { subjectId } = await db.request.findUniqueOrThrow({ where: { id } });
    const system = await db.dataSystem.create({
      data: { key: `sys-${randomUUID()}`, nameJa: "会員", nameEn: "Members" },
    });
    const category = await db.dataCategory.create({
      data: { key: `cat-${randomUUID()}`, nameJa: "連絡先", nameEn: "Contact" },
    });
    await db.personalDataItem.create({
      data: {
        subjectId,
        systemId: system.id,
        categoryId: category.id,
        field: "email",
        value: "x@example.jp",
        collectedAt: new Date(),
      },
    });
    await expect(
      mod.complete.completeRequest({
        actor: staff,
        input: { reference, outcome: "NO_DATA_HELD", note: "なし" },
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", messageKey: "decisions.errors.dataHeld" });
    expect((await db.request.findUniqueOrThrow({ where: { id } })).status).toBe("IN_PROGRESS");

    // A system's export that returned items for the request counts as data held.
    const exported = await verifiedRequest("DISCLOSURE", disclosure);
    const task = await addTask(exported.id, "SUCCEEDED");
    await db.fulfilmentTask.update({
      where: { id: task.id },
      data: { result: { items: [{ ref: "crm:1", field: "email", value: "x@example.jp" }] } },
    });
    await expect(
      mod.complete.completeRequest({
        actor: staff,
        input: { reference: exported.reference, outcome: "NO_DATA_HELD", note: "なし" },
      }),
    ).rejects.toMatchObject({ messageKey: "decisions.errors.dataHeld" });

    const correction = await verifiedRequest("CORRECTION", { items: [], reason: "x" });
    await expect(
      mod.complete.completeRequest({
        actor: staff,
        input: { reference: correction.reference, outcome: "NO_DATA_HELD", note: "なし" },
      }),
    ).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
  });
});

describe("erasure completion", () => {
  it("needs approval, becomes an ERASURE_COMPLETION approval and completes once approved", async () => {
    const staff = await person("STAFF");
    const manager = await person("MANAGER");
    const { reference, id } = await verifiedRequest("SUSPENSION_ERASURE", ERASURE);
    await expect(
      mod.complete.completeRequest({
        actor: staff,
        input: { reference, outcome: "FULFILLED", note: "消去しました" },
      }),
    ).rejects.toMatchObject({ code: "APPROVAL_REQUIRED" });
    const { approvalId } = await mod.propose.proposeOutcome({
      actor: staff,
      input: { reference, outcome: "FULFILLED", grounds: [], note: "消去しました" },
    });
    expect((await db.approval.findUniqueOrThrow({ where: { id: approvalId } })).kind).toBe(
      "ERASURE_COMPLETION",
    );
    await mod.decide.decideApproval({
      actor: manager,
      input: { reference, approvalId, decision: "APPROVED", note: "" },
    });
    expect(await db.request.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "COMPLETED",
      outcome: "FULFILLED",
      refusalGrounds: [],
    });
  });
});

describe("four eyes", () => {
  it("refuses self-approval in the data layer, even for a manager", async () => {
    const manager = await person("MANAGER");
    const { reference, id } = await verifiedRequest();
    const { approvalId } = await mod.propose.proposeOutcome({
      actor: manager,
      input: refusal(reference),
    });
    await expect(
      mod.decide.decideApproval({
        actor: manager,
        input: { reference, approvalId, decision: "APPROVED", note: "" },
      }),
    ).rejects.toMatchObject({ code: "SELF_APPROVAL" });
    await expect(
      mod.decide.decideApproval({
        actor: manager,
        input: { reference, approvalId, decision: "REJECTED", note: "やはり" },
      }),
    ).rejects.toMatchObject({ code: "SELF_APPROVAL" });
    const staff = await person("STAFF");
    await expect(
      mod.decide.decideApproval({
        actor: staff,
        input: { reference, approvalId, decision: "APPROVED", note: "" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.request.findUniqueOrThrow({ where: { id } })).status).toBe(
      "AWAITING_APPROVAL",
    );
    expect((await db.approval.findUniqueOrThrow({ where: { id: approvalId } })).decision).toBe(
      "PENDING",
    );
    const mine = await mod.list.listPendingApprovals({ actor: manager });
    expect(mine.find((a) => a.id === approvalId)?.askedByMe).toBe(true);
  });

  it("asks the approver for a passkey confirmed in the last 10 minutes", async () => {
    const staff = await person("STAFF");
    const manager = await person("MANAGER");
    const { reference, id } = await verifiedRequest();
    const { approvalId } = await mod.propose.proposeOutcome({
      actor: staff,
      input: refusal(reference),
    });
    await expect(
      mod.decide.decideApproval({
        actor: { ...manager, passkeyAt: new Date(Date.now() - 11 * 60_000) },
        input: { reference, approvalId, decision: "APPROVED", note: "" },
      }),
    ).rejects.toMatchObject({ code: "STEP_UP_REQUIRED" });
    expect((await db.request.findUniqueOrThrow({ where: { id } })).status).toBe(
      "AWAITING_APPROVAL",
    );
  });

  it("reject returns the request to IN_PROGRESS with the reason as an internal note", async () => {
    const staff = await person("STAFF");
    const manager = await person("MANAGER");
    const { reference, id, subject } = await verifiedRequest();
    const { approvalId } = await mod.propose.proposeOutcome({
      actor: staff,
      input: refusal(reference),
    });
    await mod.decide.decideApproval({
      actor: manager,
      input: { reference, approvalId, decision: "REJECTED", note: "理由をもっと具体的に" },
    });
    expect((await db.request.findUniqueOrThrow({ where: { id } })).status).toBe("IN_PROGRESS");
    const state = await mod.state.getDecisionState({ actor: staff, reference });
    expect(state.pending).toBeNull();
    expect(state.lastRejection).toMatchObject({ note: "理由をもっと具体的に" });
    const event = await db.requestEvent.findFirstOrThrow({
      where: { requestId: id, kind: "rejectApproval" },
    });
    expect(event).toMatchObject({ visibleToRequester: false, note: "理由をもっと具体的に" });
    const view = await mod.get.getRequest({ actor: subject, reference });
    expect(view?.events).toEqual([]);
    expect(await auditActions(id)).toEqual([
      "request.submitForApproval",
      "approval.request",
      "approval.reject",
      "request.rejectApproval",
    ]);
    // Deciding it again is a conflict; the staff can ask again with a better explanation.
    await expect(
      mod.decide.decideApproval({
        actor: manager,
        input: { reference, approvalId, decision: "APPROVED", note: "" },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const again = await mod.propose.proposeOutcome({ actor: staff, input: refusal(reference) });
    expect(again.approvalId).not.toBe(approvalId);
  });

  it("of two approvers deciding at once, exactly one wins and the other gets a conflict", async () => {
    const staff = await person("STAFF");
    const [a, b] = [await person("MANAGER"), await person("ADMIN")];
    const { reference, id } = await verifiedRequest();
    const { approvalId } = await mod.propose.proposeOutcome({
      actor: staff,
      input: refusal(reference),
    });
    const results = await Promise.allSettled([
      mod.decide.decideApproval({
        actor: a,
        input: { reference, approvalId, decision: "APPROVED", note: "" },
      }),
      mod.decide.decideApproval({
        actor: b,
        input: { reference, approvalId, decision: "REJECTED", note: "差し戻し" },
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.filter((r) => r.status === "rejected");
    expect(failed).toHaveLength(1);
    expect((failed[0] as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    const approval = await db.approval.findUniqueOrThrow({ where: { id: approvalId } });
    const request = await db.request.findUniqueOrThrow({ where: { id } });
    expect(request.status).toBe(approval.decision === "APPROVED" ? "COMPLETED" : "IN_PROGRESS");
    expect(
      await db.auditEvent.count({
        where: { requestId: id, action: { in: ["approval.approve", "approval.reject"] } },
      }),
    ).toBe(1);
  });
});

describe("open fulfilment tasks", () => {
  it("block completion, asking approval and approving, until none is pending, running or failed", async () => {
    const staff = await person("STAFF");
    const manager = await person("MANAGER");
    const { reference, id } = await verifiedRequest();
    const failed = await addTask(id, "FAILED");
    const running = await addTask(id, "RUNNING");
    await addTask(id, "SUCCEEDED");
    await addTask(id, "CANCELLED");

    const state = await mod.state.getDecisionState({ actor: staff, reference });
    expect(state.openTasks).toEqual({ pending: 0, running: 1, failed: 1, total: 2 });
    await expect(
      mod.complete.completeRequest({
        actor: staff,
        input: { reference, outcome: "FULFILLED", note: "done" },
      }),
    ).rejects.toMatchObject({
      code: "ILLEGAL_TRANSITION",
      messageKey: "decisions.errors.tasksOpen",
    });
    await expect(
      mod.propose.proposeOutcome({ actor: staff, input: refusal(reference) }),
    ).rejects.toMatchObject({ messageKey: "decisions.errors.tasksOpen" });
    expect((await db.request.findUniqueOrThrow({ where: { id } })).status).toBe("IN_PROGRESS");

    // Asked while clear, then a task is retried (PENDING) before the approval: still blocked.
    await db.fulfilmentTask.update({ where: { id: failed.id }, data: { status: "CANCELLED" } });
    await db.fulfilmentTask.update({ where: { id: running.id }, data: { status: "SUCCEEDED" } });
    const { approvalId } = await mod.propose.proposeOutcome({
      actor: staff,
      input: refusal(reference),
    });
    await db.fulfilmentTask.update({ where: { id: failed.id }, data: { status: "PENDING" } });
    await expect(
      mod.decide.decideApproval({
        actor: manager,
        input: { reference, approvalId, decision: "APPROVED", note: "" },
      }),
    ).rejects.toMatchObject({ messageKey: "decisions.errors.tasksOpen" });
    expect((await db.approval.findUniqueOrThrow({ where: { id: approvalId } })).decision).toBe(
      "PENDING",
    );
    await db.fulfilmentTask.update({ where: { id: failed.id }, data: { status: "SUCCEEDED" } });
    await mod.decide.decideApproval({
      actor: manager,
      input: { reference, approvalId, decision: "APPROVED", note: "" },
    });
    expect((await db.request.findUniqueOrThrow({ where: { id } })).status).toBe("COMPLETED");
  });

  it("lets a request with only finished tasks complete directly and release its result", async () => {
    const staff = await person("STAFF");
    const { reference, id } = await verifiedRequest("PURPOSE_NOTIFICATION", {
      method: "EMAIL",
      postalAddress: "",
    });
    await addTask(id, "SUCCEEDED");
    await mod.complete.completeRequest({
      actor: staff,
      input: { reference, outcome: "FULFILLED", note: "お送りしました" },
    });
    const request = await db.request.findUniqueOrThrow({ where: { id } });
    expect(request).toMatchObject({ status: "COMPLETED", outcome: "FULFILLED" });
    expect(
      await db.responsePackage.count({ where: { requestId: id, releasedAt: { not: null } } }),
    ).toBe(1);
    expect(await auditActions(id)).toEqual(["request.complete", "package.release"]);
  });

  it("releases nothing without a passkey confirmed in the last 10 minutes", async () => {
    const staff = await person("STAFF");
    const { reference, id } = await verifiedRequest("PURPOSE_NOTIFICATION", {
      method: "EMAIL",
      postalAddress: "",
    });
    await addTask(id, "SUCCEEDED");
    await expect(
      mod.complete.completeRequest({
        actor: { ...staff, passkeyAt: null },
        input: { reference, outcome: "FULFILLED", note: "お送りしました" },
      }),
    ).rejects.toMatchObject({ code: "STEP_UP_REQUIRED" });
    expect((await db.request.findUniqueOrThrow({ where: { id } })).status).not.toBe("COMPLETED");
    expect(await db.responsePackage.count({ where: { requestId: id } })).toBe(0);
  });
});

describe("message templates", () => {
  it("fit the request type, speak the request's language and take the organisation's wording", async () => {
    const staff = await person("STAFF");
    const { reference } = await verifiedRequest("CORRECTION", { items: [], reason: "x" }, "en");
    const { locale, templates } = await mod.templates.listTemplates({ actor: staff, reference });
    expect(locale).toBe("en");
    const keys = templates.map((t) => t.key);
    expect(keys).toContain("completionCorrection");
    expect(keys).not.toContain("completionDisclosure");
    const ack = templates.find((t) => t.key === "acknowledgement")!;
    expect(ack.subject).toContain(reference);
    expect(ack.body).toContain("Dear 試験 花子");
    expect(ack.body).toMatch(/10 Jan 2099/);
    expect(ack.body).not.toMatch(/\{\w+\}/);

    await db.messageTemplate.create({
      data: { key: "refusal", locale: "en", subject: "Re {reference}", body: "Hello {name}." },
    });
    await db.messageTemplate.create({
      data: { key: "refusal", locale: "ja", subject: "ja", body: "日本語 {name}" },
    });
    const again = await mod.templates.listTemplates({ actor: staff, reference });
    // The refusal letter ends by saying where to complain: the PPC under APPI, and the courts.
    expect(again.templates.find((t) => t.key === "refusal")).toEqual({
      key: "refusal",
      subject: `Re ${reference}`,
      body: expect.stringMatching(
        /^Hello 試験 花子\.\n\nIf you disagree .*\n- Personal Information Protection Commission \(PPC\), Japan .*https:\/\/www\.ppc\.go\.jp\/\nYou may also take the matter to court\.$/,
      ),
    });
    expect(again.templates.find((t) => t.key === "acknowledgement")!.body).not.toContain(
      "complain",
    );
    const subject = await person("SUBJECT");
    await expect(mod.templates.listTemplates({ actor: subject, reference })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("internal notes never reach the requester", async () => {
    const staff = await person("STAFF");
    const { reference, subject } = await verifiedRequest();
    await mod.message.sendMessage({
      actor: staff,
      input: { reference, kind: "INTERNAL_NOTE", body: "内部のみ", askForInfo: false },
    });
    await mod.message.sendMessage({
      actor: staff,
      input: { reference, kind: "TO_REQUESTER", body: "ご連絡です", askForInfo: false },
    });
    const requesterView = await mod.get.getRequest({ actor: subject, reference });
    expect(requesterView?.messages.map((m) => m.body)).toEqual(["ご連絡です"]);
    const staffView = await mod.get.getRequest({ actor: staff, reference });
    expect(staffView?.messages.map((m) => m.body)).toEqual(["内部のみ", "ご連絡です"]);
  });
});

describe("the audit chain", () => {
  it("stays intact over every decision above", async () => {
    const result = await mod.audit.verifyAuditChain(db);
    expect(result.ok).toBe(true);
    expect(result.count).toBeGreaterThan(20);
  });
});
