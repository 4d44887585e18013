import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: the disclosure package from the portal's records and a connector's answer,
// through the data layer against a real PostgreSQL database and the encrypted file store.

let testDb: { url: string; drop: () => Promise<void> };
let dataDir: string;
let db: Db;
let mod: {
  build: typeof import("./build-package");
  redact: typeof import("./redact-item");
  undo: typeof import("./undo-redaction");
  list: typeof import("./list-package-items");
  prepared: typeof import("./list-prepared-packages");
  preview: typeof import("./open-prepared-package");
  result: typeof import("./open-result");
  complete: typeof import("@/lib/data/requests/complete-request");
  source: typeof import("@/lib/fulfilment/package/item-source");
  store: typeof import("@/lib/storage/file-store");
  audit: typeof import("@/lib/audit/verify");
  boss: typeof import("@/lib/jobs/boss");
};
const ids = {
  members: "",
  reservations: "",
  recruiting: "",
  name: "",
  phone: "",
  ids: "",
  history: "",
  career: "",
};

async function person(role: Actor["role"]): Promise<Actor & { subjectId?: string }> {
  const user = await db.user.create({ data: { email: `${randomUUID()}@test.example.jp`, role } });
  const actor = {
    userId: user.id,
    role,
    email: user.email,
    ip: "127.0.0.1",
    passkeyAt: new Date(),
  };
  if (role !== "SUBJECT") return actor;
  const subject = await db.subject.create({
    data: { userId: user.id, familyName: "試験", givenName: "花子", email: user.email },
  });
  return { ...actor, subjectId: subject.id };
}

async function item(
  subjectId: string,
  system: string,
  category: string,
  field: string,
  value: string,
) {
  return db.personalDataItem.create({
    data: {
      subjectId,
      systemId: system,
      categoryId: category,
      field,
      value,
      sourceNote: "会員登録時にご本人が入力",
      collectedAt: new Date("2025-04-01T00:00:00Z"),
    },
    select: { id: true },
  });
}

let counter = 0;
async function disclosure(
  subject: { userId: string; subjectId?: string },
  details: Record<string, unknown> = {},
  status: "IN_PROGRESS" | "IDENTITY_REVIEW" = "IN_PROGRESS",
) {
  counter += 1;
  return db.request.create({
    data: {
      reference: `R-2099-${String(700000 + counter).padStart(6, "0")}`,
      type: "DISCLOSURE",
      status,
      subjectId: subject.subjectId!,
      filedById: subject.userId,
      dueAt: new Date(Date.now() + 10 * 86_400_000),
      details: { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "", ...details },
    },
    select: { id: true, reference: true },
  });
}

async function text(stream: ReadableStream<Uint8Array>) {
  return Buffer.from(await new Response(stream).arrayBuffer()).toString("utf8");
}

async function preparedText(actor: Actor, reference: string, format: string) {
  const pkg = (await mod.prepared.listPreparedPackages({ actor, reference })).find(
    (p) => p.format === format,
  );
  const file = await mod.preview.openPreparedPackage({ actor, packageId: pkg!.id });
  return text(file!.body);
}

beforeAll(async () => {
  testDb = await createTestDatabase({ prefix: "package" });
  dataDir = await mkdtemp(path.join(tmpdir(), "package-test-"));
  process.env.DATABASE_URL = testDb.url;
  process.env.DATA_DIR = dataDir;
  // This suite looks at the files on disk: the filesystem backend, whatever S3_* the shell has.
  for (const name of Object.keys(process.env)) if (name.startsWith("S3_")) delete process.env[name];
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = {
    build: await import("./build-package"),
    redact: await import("./redact-item"),
    undo: await import("./undo-redaction"),
    list: await import("./list-package-items"),
    prepared: await import("./list-prepared-packages"),
    preview: await import("./open-prepared-package"),
    result: await import("./open-result"),
    complete: await import("@/lib/data/requests/complete-request"),
    source: await import("@/lib/fulfilment/package/item-source"),
    store: await import("@/lib/storage/file-store"),
    audit: await import("@/lib/audit/verify"),
    boss: await import("@/lib/jobs/boss"),
  };
  await db.organisation.create({
    data: {
      nameJa: "株式会社テスト",
      nameEn: "Test Inc.",
      contactEmail: "privacy@test.example.jp",
      automatedDecisionsJa: "自動化された処理のみに基づく決定は行っていません。",
      automatedDecisionsEn: "We make no decision based solely on automated processing.",
    },
  });
  const system = (key: string, connector: "INTERNAL" | "HTTP" | "MANUAL") =>
    db.dataSystem.create({
      data: { key, nameJa: `${key}システム`, nameEn: `${key} system`, connector },
    });
  ids.members = (await system("members", "INTERNAL")).id;
  ids.reservations = (await system("reservations", "HTTP")).id;
  ids.recruiting = (await system("recruiting", "MANUAL")).id;
  const category = (key: string, nameJa: string, sortOrder: number) =>
    db.dataCategory.create({ data: { key, nameJa, nameEn: key, sortOrder } });
  ids.name = (await category("name", "氏名", 1)).id;
  ids.phone = (await category("phone", "電話番号", 2)).id;
  ids.history = (await category("reservation_history", "予約履歴", 3)).id;
  ids.ids = (await category("member_id", "会員ID", 4)).id;
  ids.career = (await category("job_application", "職務経歴", 5)).id;
  await db.dataField.createMany({
    data: [
      { systemId: ids.members, key: "fullName", labelJa: "氏名", labelEn: "Full name" },
      { systemId: ids.members, key: "phone", labelJa: "電話番号", labelEn: "Phone" },
      { systemId: ids.reservations, key: "bookings", labelJa: "予約の履歴", labelEn: "Bookings" },
      { systemId: ids.recruiting, key: "careerSummary", labelJa: "職務経歴", labelEn: "Career" },
    ],
  });
  const purpose = await db.purpose.create({
    data: { key: "service", nameJa: "サービスの運営", nameEn: "Operating the service" },
  });
  for (const categoryId of [ids.name, ids.phone, ids.ids])
    await db.systemCategoryPurpose.create({
      data: { systemId: ids.members, categoryId, purposeId: purpose.id },
    });
  await db.systemCategoryPurpose.create({
    data: { systemId: ids.reservations, categoryId: ids.history, purposeId: purpose.id },
  });
});

afterAll(async () => {
  await (await mod.boss.getBoss()).stop({ graceful: false });
  await db.$disconnect();
  await testDb.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("building a disclosure package", () => {
  it("streams the records and a connector's answer into CSV and HTML, never the My Number", async () => {
    const staff = await person("STAFF");
    const subject = await person("SUBJECT");
    const sid = subject.subjectId!;
    await item(sid, ids.members, ids.name, "fullName", "試験 花子");
    await item(sid, ids.members, ids.phone, "phone", '=HYPERLINK("http://x")');
    await item(sid, ids.members, ids.ids, "myNumber", "123456789012");
    await item(sid, ids.members, ids.ids, "password", "hunter2");
    // Mirrored in the portal, but the system answered itself: its answer wins.
    await item(sid, ids.reservations, ids.history, "mirror", "古い写し");
    const request = await disclosure(subject, { method: "CSV" });
    await db.fulfilmentTask.create({
      data: {
        requestId: request.id,
        systemId: ids.reservations,
        action: "EXPORT",
        status: "SUCCEEDED",
        result: {
          items: [
            {
              ref: "reservations:bookings",
              categoryKey: "reservation_history",
              field: "bookings",
              value: "予約 3件 <b>",
              source: "DIRECT",
              sourceNote: "予約時にご本人が入力",
              collectedAt: "2025-05-01T00:00:00.000Z",
            },
            {
              ref: "reservations:passportNo",
              categoryKey: "reservation_history",
              field: "passportNo",
              value: "TZ1234567",
            },
          ],
        },
      },
    });

    const built = await mod.build.buildPackage({
      actor: staff,
      input: { reference: request.reference },
    });
    // The My Number stays out by law; a password and a passport number are the person's own data,
    // disclosed unless staff withhold them with a ground (below: the password).
    expect(built).toEqual({ itemCount: 5, withheld: 0, formats: ["CSV", "HTML"], gaps: 0 });

    const csv = await preparedText(staff, request.reference, "CSV");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("試験 花子");
    expect(csv).toContain("予約 3件 <b>");
    // Formula injection is neutralised and the cell quoted.
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    for (const secret of ["123456789012", "古い写し"]) expect(csv).not.toContain(secret);
    expect(csv).toContain("TZ1234567");
    expect(csv).toContain("hunter2");

    const html = await preparedText(staff, request.reference, "HTML");
    expect(html).toContain("予約 3件 &lt;b&gt;");
    expect(html).toContain("サービスの運営");
    expect(html).toContain("会員登録時にご本人が入力");
    expect(html).toMatch(
      /個人番号（マイナンバー）は、番号法により開示の対象に含めていません（1件）/,
    );
    expect(html).not.toContain("123456789012");
    // Where to complain (the PPC under APPI); automated decisions are a GDPR matter only.
    expect(html).toContain('<h2 id="complaint-title">苦情の申出先</h2>');
    expect(html).toContain("個人情報保護委員会");
    expect(html).not.toContain('id="automated"');

    const prepared = await db.responsePackage.findMany({ where: { requestId: request.id } });
    expect(prepared).toHaveLength(2);
    for (const p of prepared) {
      expect(p.releasedAt).toBeNull();
      expect(p.itemCount).toBe(5);
      expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(p.sizeBytes).toBeGreaterThan(0);
      // The streamed files are in the same format the whole-file reader opens.
      const whole = await mod.store.readEncryptedFile({
        storageKey: p.storageKey!,
        wrappedKey: p.wrappedKey!,
      });
      expect(whole.length).toBe(p.sizeBytes);
    }
    const audits = await db.auditEvent.count({
      where: { requestId: request.id, action: { in: ["package.build", "package.preview"] } },
    });
    expect(audits).toBe(4);

    // The preview marks the password and the passport number for staff to check.
    const preview = await mod.list.listPackageItems({
      actor: staff,
      reference: request.reference,
      locale: "ja",
    });
    expect(
      preview.items
        .filter((i) => i.state.kind === "check")
        .map((i) => i.state)
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toEqual([
      { kind: "check", why: "GOVERNMENT_ID" },
      { kind: "check", why: "PASSWORD" },
    ]);
    expect(preview.items.find((i) => i.state.kind === "never")?.value).toBe("••••");
  });

  it("carries GDPR Art.15(1)-(2) information for an EU resident: the member state's authority and automated decisions", async () => {
    const staff = await person("STAFF");
    const subject = await person("SUBJECT");
    await item(subject.subjectId!, ids.members, ids.name, "fullName", "試験 花子");
    // Two recipients abroad: in the US under standard clauses (a transfer for the GDPR), and in
    // France (inside the EEA: no transfer for the GDPR, though abroad for APPI).
    const purpose = await db.purpose.findUniqueOrThrow({ where: { key: "service" } });
    for (const [key, country, transferSafeguard] of [
      ["us-ads", "US", "STANDARD_CLAUSES"],
      ["fr-hotel", "FR", null],
    ] as const) {
      const recipient = await db.recipient.create({
        data: {
          key: `${key}-${randomUUID()}`,
          nameJa: key,
          nameEn: key,
          recipientClass: "FOREIGN_THIRD_PARTY",
          country,
          transferSafeguard,
        },
      });
      await db.provisionRecord.create({
        data: {
          subjectId: subject.subjectId!,
          recipientId: recipient.id,
          purposeId: purpose.id,
          providedAt: new Date("2026-01-10T00:00:00Z"),
          items: ["name"],
          legalBasis: "CONSENT",
          keepUntil: new Date("2029-01-10T00:00:00Z"),
        },
      });
    }
    const request = await disclosure(subject, { method: "JSON" });
    await db.request.update({
      where: { id: request.id },
      data: { jurisdictions: ["JP", "EU"], residenceCountry: "FR", locale: "en" },
    });
    await mod.build.buildPackage({ actor: staff, input: { reference: request.reference } });
    const json = JSON.parse(await preparedText(staff, request.reference, "JSON")) as {
      supplementary: {
        complaint: { name: string; url: string }[];
        automatedDecisions: string | null;
        recipients: { name: string; foreign: { safeguard?: string | null } }[];
      };
    };
    // Art.15(2): the safeguard of the transfer to the US; none is a transfer to France.
    const safeguards = Object.fromEntries(
      json.supplementary.recipients.map((r) => [r.name, r.foreign.safeguard]),
    );
    expect(safeguards).toEqual({
      "us-ads": "Standard data protection clauses (GDPR Art. 46(2)(c),(d))",
      "fr-hotel": undefined,
    });
    expect(json.supplementary.complaint.map((a) => a.url)).toEqual([
      "https://www.ppc.go.jp/",
      "https://www.cnil.fr/",
    ]);
    expect(json.supplementary.automatedDecisions).toBe(
      "We make no decision based solely on automated processing.",
    );
    const html = await preparedText(staff, request.reference, "HTML");
    expect(html).toContain('<h2 id="automated-title">Automated decision-making</h2>');
    expect(html).toContain("Commission nationale de l&#39;informatique et des libertés (CNIL)");
    expect(html).toContain(
      "Safeguard for the transfer (GDPR Art. 15(2)): Standard data protection clauses",
    );
  });

  it("leaves out a redacted item, lists it with the reason, and discards a built package", async () => {
    const staff = await person("STAFF");
    const subject = await person("SUBJECT");
    const kept = await item(subject.subjectId!, ids.members, ids.name, "fullName", "試験 花子");
    const secret = await item(subject.subjectId!, ids.members, ids.phone, "phone", "090-0000-1111");
    const request = await disclosure(subject, { method: "PDF" });
    await mod.build.buildPackage({ actor: staff, input: { reference: request.reference } });
    const before = await db.responsePackage.findMany({ where: { requestId: request.id } });
    expect(before.map((p) => p.format).sort()).toEqual(["HTML", "PDF"]);

    const input = {
      reference: request.reference,
      itemRef: secret.id,
      ground: "HARM_TO_PERSON" as const,
      reason: "家族の電話番号が登録されているため",
    };
    expect(await mod.redact.redactItem({ actor: staff, input })).toEqual({ discarded: 2 });
    // The built package no longer matches the redactions: rows and files are gone.
    expect(await db.responsePackage.count({ where: { requestId: request.id } })).toBe(0);
    for (const p of before) expect(existsSync(mod.store.storedFilePath(p.storageKey!))).toBe(false);
    await expect(mod.redact.redactItem({ actor: staff, input })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      mod.redact.redactItem({ actor: staff, input: { ...input, itemRef: "not-an-item" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const preview = await mod.list.listPackageItems({
      actor: staff,
      reference: request.reference,
      locale: "ja",
    });
    // The package names the ground, then staff's reason.
    expect(preview.items.find((i) => i.ref === secret.id)?.state).toEqual({
      kind: "redacted",
      reason:
        "本人または第三者の生命、身体、財産その他の権利利益を害するおそれがある（家族の電話番号が登録されているため）",
    });
    expect(preview.items.find((i) => i.ref === kept.id)?.state).toEqual({ kind: "included" });

    expect(
      await mod.build.buildPackage({ actor: staff, input: { reference: request.reference } }),
    ).toMatchObject({
      itemCount: 1,
      withheld: 1,
    });
    const html = await preparedText(staff, request.reference, "HTML");
    expect(html).toContain("試験 花子");
    expect(html).not.toContain("090-0000-1111");
    expect(html).toContain(
      "財産その他の権利利益を害するおそれがある（家族の電話番号が登録されているため）",
    );

    await mod.undo.undoRedaction({
      actor: staff,
      input: { reference: request.reference, itemRef: secret.id },
    });
    await mod.build.buildPackage({ actor: staff, input: { reference: request.reference } });
    expect(await preparedText(staff, request.reference, "HTML")).toContain("090-0000-1111");
  });

  it("replaces earlier prepared packages when built again, and completion releases them", async () => {
    const staff = await person("STAFF");
    const subject = await person("SUBJECT");
    await item(subject.subjectId!, ids.members, ids.name, "fullName", "再作成 太郎");
    const request = await disclosure(subject, { method: "JSON" });
    await mod.build.buildPackage({ actor: staff, input: { reference: request.reference } });
    const first = await db.responsePackage.findMany({ where: { requestId: request.id } });
    await mod.build.buildPackage({ actor: staff, input: { reference: request.reference } });
    const second = await db.responsePackage.findMany({ where: { requestId: request.id } });
    expect(second).toHaveLength(2);
    expect(second.map((p) => p.id)).not.toContain(first[0]!.id);
    for (const p of first) expect(existsSync(mod.store.storedFilePath(p.storageKey!))).toBe(false);
    expect(
      await db.auditEvent.count({ where: { requestId: request.id, action: "package.discard" } }),
    ).toBe(2);

    await mod.complete.completeRequest({
      actor: staff,
      input: { reference: request.reference, outcome: "FULFILLED", note: "お送りします。" },
    });
    const released = await db.responsePackage.findMany({ where: { requestId: request.id } });
    expect(released.every((p) => p.releasedAt && p.expiresAt)).toBe(true);
    const json = released.find((p) => p.format === "JSON")!;
    const opened = await mod.result.openResult({
      actor: subject,
      reference: request.reference,
      packageId: json.id,
    });
    if (opened.status !== "ok") throw new Error(opened.status);
    expect(opened.contentType).toBe("application/json; charset=utf-8");
    expect(opened.fileName).toBe(`${request.reference}.json`);
    const content = JSON.parse(await text(opened.body)) as {
      reference: string;
      items: { value: string }[];
      itemCount: number;
    };
    expect(content.reference).toBe(request.reference);
    expect(content.items.map((i) => i.value)).toEqual(["再作成 太郎"]);
    expect(content.itemCount).toBe(1);
    // Released packages can no longer be rebuilt or redacted.
    await expect(
      mod.build.buildPackage({ actor: staff, input: { reference: request.reference } }),
    ).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
    expect((await mod.audit.verifyAuditChain(db)).ok).toBe(true);
  });

  it("refuses subjects and requests that are not being fulfilled", async () => {
    const staff = await person("STAFF");
    const subject = await person("SUBJECT");
    const open = await disclosure(subject);
    const reference = open.reference;
    await expect(
      mod.build.buildPackage({ actor: subject, input: { reference } }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      mod.redact.redactItem({
        actor: subject,
        input: { reference, itemRef: "x", ground: "HARM_TO_PERSON", reason: "r" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      mod.list.listPackageItems({ actor: subject, reference, locale: "ja" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await mod.prepared.listPreparedPackages({ actor: subject, reference })).toEqual([]);
    const waiting = await disclosure(subject, {}, "IDENTITY_REVIEW");
    await expect(
      mod.build.buildPackage({ actor: staff, input: { reference: waiting.reference } }),
    ).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
  });

  it("reads the items in batches and pages the preview by 50", async () => {
    const staff = await person("STAFF");
    const subject = await person("SUBJECT");
    await db.personalDataItem.createMany({
      data: Array.from({ length: 123 }, (_, i) => ({
        subjectId: subject.subjectId!,
        systemId: ids.members,
        categoryId: i % 2 ? ids.name : ids.phone,
        field: `field${i}`,
        value: `value-${i}`,
        collectedAt: new Date(),
      })),
    });
    const request = await disclosure(subject);
    const scope = await mod.source.resolveItemScope(
      db,
      { ...request, subjectId: subject.subjectId!, details: {} },
      "ja",
    );
    // One cursor, fetched a batch at a time: 123 items in batches of 10 are 13 fetches.
    const read = (size: number) =>
      db.$transaction(async (tx) => {
        const fetches: number[] = [];
        const spy = {
          $executeRaw: tx.$executeRaw.bind(tx),
          $queryRaw: async (...args: Parameters<typeof tx.$queryRaw>) => {
            const rows = await tx.$queryRaw<unknown[]>(...args);
            fetches.push(rows.length);
            return rows;
          },
        } as unknown as typeof tx;
        const batches: { ref: string; categoryKey: string }[][] = [];
        for await (const batch of mod.source.iterateItems(spy, scope, size)) batches.push(batch);
        return { batches, fetches };
      });
    const { batches, fetches } = await read(10);
    expect(fetches).toEqual([...Array(12).fill(10), 3]);
    expect(Math.max(...batches.map((b) => b.length))).toBe(10);
    const refs = batches.flat().map((i) => i.ref);
    expect(new Set(refs).size).toBe(123);
    // Categories in their order: all "name" items (sortOrder 1) before "phone" (2).
    const order = batches.flat().map((i) => i.categoryKey);
    expect(order.indexOf("phone")).toBe(order.lastIndexOf("name") + 1);

    const page1 = await mod.list.listPackageItems({
      actor: staff,
      reference: request.reference,
      locale: "ja",
    });
    expect([page1.items.length, page1.total, page1.pages]).toEqual([50, 123, 3]);
    const last = await mod.list.listPackageItems({
      actor: staff,
      reference: request.reference,
      page: 9,
      locale: "ja",
    });
    expect([last.page, last.items.length]).toEqual([3, 23]);
    // The preview's order is the builder's.
    const all = [
      page1,
      await mod.list.listPackageItems({
        actor: staff,
        reference: request.reference,
        page: 2,
        locale: "ja",
      }),
      last,
    ].flatMap((p) => p.items.map((i) => i.ref));
    expect(all).toEqual((await read(50)).batches.flat().map((i) => i.ref));
  });
  it("holds every item the preview promises, from INTERNAL, HTTP and MANUAL systems, with labels", async () => {
    const staff = await person("STAFF");
    const subject = await person("SUBJECT");
    const sid = subject.subjectId!;
    await item(sid, ids.members, ids.name, "fullName", "全種 花子");
    await item(sid, ids.members, ids.phone, "phone", "090-1111-2222");
    // No label in the data map: the category's name stands in, never the key.
    await item(sid, ids.members, ids.phone, "workPhoneUnlabelled", "03-0000-0000");
    await item(sid, ids.recruiting, ids.career, "careerSummary", "看護師 8年");
    await item(sid, ids.recruiting, ids.career, "nursingLicence", "免許 登録あり");
    const request = await disclosure(subject, { method: "CSV" });
    await db.fulfilmentTask.createMany({
      data: [
        { requestId: request.id, systemId: ids.members, action: "EXPORT", status: "SUCCEEDED" },
        {
          requestId: request.id,
          systemId: ids.reservations,
          action: "EXPORT",
          status: "SUCCEEDED",
          result: {
            items: [{ categoryKey: "reservation_history", field: "bookings", value: "予約 5件" }],
          },
        },
        // A manual task completed by staff along its checklist: its result is only a note.
        {
          requestId: request.id,
          systemId: ids.recruiting,
          action: "EXPORT",
          status: "SUCCEEDED",
          result: { note: "採用システムで確認" },
        },
      ],
    });
    const preview = await mod.list.listPackageItems({
      actor: staff,
      reference: request.reference,
      locale: "ja",
    });
    expect(preview.counts).toEqual({ total: 6, included: 6, withheld: 0, never: 0 });
    expect(preview.sources.map((s) => [s.system, s.origin, s.state])).toEqual([
      ["recruitingシステム", "records", "complete"],
      ["reservationsシステム", "connector", "complete"],
    ]);
    const built = await mod.build.buildPackage({
      actor: staff,
      input: { reference: request.reference },
    });
    expect(built.itemCount).toBe(preview.counts.included);

    const csv = await preparedText(staff, request.reference, "CSV");
    const rows = csv.trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(6);
    for (const value of [
      "全種 花子",
      "090-1111-2222",
      "03-0000-0000",
      "看護師 8年",
      "免許 登録あり",
      "予約 5件",
    ])
      expect(csv).toContain(value);
    expect(csv).toContain("職務経歴,recruitingシステム,職務経歴,看護師 8年");
    expect(csv).toContain("電話番号,membersシステム,電話番号,03-0000-0000");
    for (const key of ["fullName", "careerSummary", "workPhoneUnlabelled", "bookings"])
      expect(csv).not.toContain(key);
    const html = await preparedText(staff, request.reference, "HTML");
    const itemsSection = html.slice(html.indexOf('id="items"'), html.indexOf('id="withheld"'));
    expect(itemsSection.match(/<tr><td>/g)).toHaveLength(6);
    expect(html).not.toContain('id="gaps"');
    // The JSON keeps the key for machines beside the label.
    await db.request.update({
      where: { id: request.id },
      data: { details: { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" } },
    });
    await mod.build.buildPackage({ actor: staff, input: { reference: request.reference } });
    const json = JSON.parse(await preparedText(staff, request.reference, "JSON")) as {
      items: { field: { key: string; label: string } }[];
      itemCount: number;
      missingData: unknown[];
    };
    expect(json.itemCount).toBe(6);
    expect(json.missingData).toEqual([]);
    expect(json.items.map((i) => i.field)).toContainEqual({
      key: "careerSummary",
      label: "職務経歴",
    });
  });

  it("waits for open exports, states the systems that failed, and is never released stale or unbuilt", async () => {
    const staff = await person("STAFF");
    const subject = await person("SUBJECT");
    const sid = subject.subjectId!;
    await item(sid, ids.members, ids.name, "fullName", "欠落 太郎");
    await item(sid, ids.reservations, ids.history, "bookings", "ポータルの写し 2件");
    await item(sid, ids.recruiting, ids.career, "careerSummary", "事務 4年");
    const request = await disclosure(subject, { method: "JSON" });
    const task = (systemId: string, status: "PENDING" | "FAILED" | "RUNNING") =>
      db.fulfilmentTask.create({
        data: { requestId: request.id, systemId, action: "EXPORT", status, lastError: "timeout" },
      });
    const http = await task(ids.reservations, "RUNNING");
    const manual = await task(ids.recruiting, "PENDING");
    const reference = request.reference;

    // Completing without any package is refused, whatever the tasks.
    await db.fulfilmentTask.updateMany({
      where: { requestId: request.id },
      data: { status: "CANCELLED" },
    });
    await expect(
      mod.complete.completeRequest({
        actor: staff,
        input: { reference, outcome: "FULFILLED", note: "お送りします。" },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "disclosurePackage.errors.notBuilt" });
    await db.fulfilmentTask.update({ where: { id: http.id }, data: { status: "RUNNING" } });
    await db.fulfilmentTask.update({ where: { id: manual.id }, data: { status: "PENDING" } });

    // Open exports: nothing is built.
    await expect(
      mod.build.buildPackage({ actor: staff, input: { reference } }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "disclosurePackage.errors.pending" });
    const waiting = await mod.list.listPackageItems({ actor: staff, reference, locale: "ja" });
    expect(waiting.sources.every((s) => s.state === "pending")).toBe(true);

    // The HTTP system failed and the manual task was completed: the build needs staff's word.
    await db.fulfilmentTask.update({
      where: { id: http.id },
      data: { status: "FAILED", lastError: "timeout", finishedAt: new Date() },
    });
    await db.fulfilmentTask.update({
      where: { id: manual.id },
      data: { status: "SUCCEEDED", result: { note: "確認済み" }, finishedAt: new Date() },
    });
    const failed = await mod.list.listPackageItems({ actor: staff, reference, locale: "ja" });
    expect(failed.sources.find((s) => s.connector === "HTTP")).toMatchObject({
      state: "missing",
      gap: { kind: "failed", code: "timeout" },
    });
    await expect(
      mod.build.buildPackage({ actor: staff, input: { reference } }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { acceptGaps: "disclosurePackage.errors.gapsNotAccepted" },
    });
    const built = await mod.build.buildPackage({
      actor: staff,
      input: { reference, acceptGaps: true },
    });
    expect(built).toMatchObject({ itemCount: 3, gaps: 1 });
    const json = JSON.parse(await preparedText(staff, reference, "JSON")) as {
      missingData: { system: string; reason: string }[];
      items: { value: string }[];
    };
    expect(json.missingData).toEqual([{ system: "reservationsシステム", reason: "failed" }]);
    // What the portal holds of the failed system is disclosed, and said to be so.
    expect(json.items.map((i) => i.value)).toContain("ポータルの写し 2件");
    const html = await preparedText(staff, reference, "HTML");
    expect(html).toContain("reservationsシステム: システムから応答がありませんでした");
    const stored = await db.responsePackage.findFirstOrThrow({ where: { requestId: request.id } });
    expect(stored.gaps).toEqual([{ system: "reservationsシステム", reason: "failed" }]);

    // The failed task is cancelled after the build: the package no longer matches its sources.
    await db.fulfilmentTask.update({
      where: { id: http.id },
      data: { status: "CANCELLED", note: "システム停止中", finishedAt: new Date() },
    });
    await expect(
      mod.complete.completeRequest({
        actor: staff,
        input: { reference, outcome: "FULFILLED", note: "お送りします。" },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "disclosurePackage.errors.outdated" });
    await mod.build.buildPackage({ actor: staff, input: { reference, acceptGaps: true } });
    const rebuilt = JSON.parse(await preparedText(staff, reference, "JSON")) as {
      missingData: { reason: string }[];
    };
    expect(rebuilt.missingData).toEqual([{ system: "reservationsシステム", reason: "cancelled" }]);
    await mod.complete.completeRequest({
      actor: staff,
      input: { reference, outcome: "FULFILLED", note: "お送りします。" },
    });
    const released = await db.responsePackage.findMany({ where: { requestId: request.id } });
    expect(released.every((p) => p.releasedAt)).toBe(true);
  });
});
