import { execFileSync } from "node:child_process";
import { randomInt, randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { Outcome, RefusalGround, RequestStatus } from "@/lib/generated/prisma/enums";
import { createTestDatabase } from "@/scripts/lib/test-database";

// Integration: a request's outcome letters (lib/letters/) against a real PostgreSQL database:
// which letters it has, who may open them, what each says in Japanese and English (read back
// from the PDF with poppler), and that every opening is audited.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let letters: typeof import("./open-letter");
let dir: string;

async function person(role: Actor["role"]): Promise<Actor> {
  const user = await db.user.create({
    data: { email: `${randomUUID()}@test.example.jp`, role, name: `${role} ${randomInt(1e6)}` },
  });
  return { userId: user.id, role, email: user.email, ip: "127.0.0.1", passkeyAt: new Date() };
}

const jst = (s: string) => new Date(`${s}+09:00`);

async function request(options: {
  status: RequestStatus;
  outcome?: Outcome;
  grounds?: RefusalGround[];
  note?: string;
}) {
  const subject = await person("SUBJECT");
  const record = await db.subject.create({
    data: { userId: subject.userId, familyName: "書面", givenName: "花子" },
  });
  const reference = `R-2097-${String(randomInt(1e6)).padStart(6, "0")}`;
  const created = await db.request.create({
    data: {
      reference,
      type: "DISCLOSURE",
      status: options.status,
      subjectId: record.id,
      filedById: subject.userId,
      jurisdictions: ["JP", "EU"],
      residenceCountry: "FR",
      details: { scope: "ALL", categoryKeys: [], method: "PDF", postalAddress: "" },
      locale: "ja",
      receivedAt: jst("2026-04-01T10:00:00"),
      dueAt: jst("2026-04-30T23:59:59"),
      outcome: options.outcome ?? null,
      refusalGrounds: options.grounds ?? [],
      outcomeNote: options.note ?? null,
      closedAt: options.status === "COMPLETED" ? jst("2026-06-10T15:00:00") : null,
    },
  });
  return { subject, reference, id: created.id };
}

async function pdfText(bytes: Buffer, name: string) {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return {
    // Lines joined again: a long Japanese sentence wraps anywhere.
    text: execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(
      /\n(?=\S)/g,
      "",
    ),
    info: execFileSync("pdfinfo", [file], { encoding: "utf8" }),
    tree: execFileSync("pdfinfo", ["-struct-text", file], { encoding: "utf8" }),
  };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  await db.organisation.create({
    data: {
      id: "org",
      nameJa: "株式会社テスト",
      nameEn: "Test Co., Ltd.",
      departmentJa: "個人情報保護窓口",
      departmentEn: "Privacy Desk",
      addressJa: "東京都港区芝公園1-1-1",
      contactEmail: "privacy@test.example.jp",
    },
  });
  letters = await import("./open-letter");
  dir = await mkdtemp(path.join(tmpdir(), "letters-"));
});

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
  await rm(dir, { recursive: true, force: true });
});

describe("a request's letters", () => {
  it("are the ones issued, in order, to its requester and staff only", async () => {
    const { subject, reference, id } = await request({
      status: "COMPLETED",
      outcome: "REFUSED",
      grounds: ["HARM_TO_PERSON"],
      note: "第三者の情報と分けられないためです。",
    });
    await db.verificationDecision.create({
      data: {
        requestId: id,
        result: "RESUBMIT",
        reasons: ["EXPIRED"],
        decidedAt: jst("2026-04-02T09:00:00"),
      },
    });
    await db.extension.create({
      data: {
        requestId: id,
        jurisdiction: "EU",
        reason: "記録が多年にわたるためです。",
        newDueAt: jst("2026-06-30T23:59:59"),
        createdAt: jst("2026-04-20T09:00:00"),
      },
    });
    const kinds = (await letters.listLetters({ actor: subject, reference }))?.map((l) => l.kind);
    expect(kinds).toEqual(["identity", "extension", "outcome"]);
    const staff = await person("STAFF");
    expect((await letters.listLetters({ actor: staff, reference }))?.length).toBe(3);
    const stranger = await person("SUBJECT");
    expect(await letters.listLetters({ actor: stranger, reference })).toBeNull();
    expect(
      await letters.openLetter({ actor: stranger, reference, kind: "outcome", locale: "ja" }),
    ).toBeNull();
  });

  it("answer a refusal with its grounds, the explanation and where to complain (ja, en)", async () => {
    const { subject, reference, id } = await request({
      status: "COMPLETED",
      outcome: "REFUSED",
      grounds: ["HARM_TO_PERSON", "BUSINESS_DISRUPTION"],
      note: "第三者の情報と分けられないためです。",
    });
    const ja = await letters.openLetter({
      actor: subject,
      reference,
      kind: "outcome",
      locale: "ja",
    });
    expect(ja?.fileName).toBe(`${reference}-outcome-ja.pdf`);
    const { text, info, tree } = await pdfText(ja!.bytes, "refused-ja.pdf");
    for (const expected of [
      "書面 花子 様",
      "株式会社テスト",
      "個人情報保護窓口",
      "発行日: 2026年6月10日（令和8年）",
      `受付番号: ${reference}`,
      "ご請求への回答（お応えできないことについて）",
      "個人データの開示のご請求",
      "本人または第三者の生命、身体、財産その他の権利利益を害するおそれがある",
      "当社の業務の適正な実施に著しい支障を及ぼすおそれがある",
      "第三者の情報と分けられないためです。",
      "苦情の申出先",
      "個人情報保護委員会",
      "CNIL",
      "裁判所",
      "privacy@test.example.jp",
      `${reference} — 1 / 1`,
    ])
      expect(text).toContain(expected);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/A4/);
    expect(tree).toMatch(/^\s+H1 \(block\)\n\s+"ご請求への回答（お応えできないことについて）"/m);

    const en = await letters.openLetter({
      actor: subject,
      reference,
      kind: "outcome",
      locale: "en",
    });
    const english = await pdfText(en!.bytes, "refused-en.pdf");
    for (const expected of [
      "Dear 書面 花子",
      "Test Co., Ltd.",
      "Privacy Desk",
      "Our answer to your request: refused",
      "It could seriously disrupt the proper conduct of our business",
      "Where to complain",
      "Personal Information Protection Commission",
      "page 1 of 1",
    ])
      expect(english.text).toContain(expected);

    const audits = await db.auditEvent.findMany({
      where: { requestId: id, action: "letter.open" },
      select: { actorId: true, data: true },
    });
    expect(audits).toEqual([
      { actorId: subject.userId, data: { kind: "outcome", locale: "ja" } },
      { actorId: subject.userId, data: { kind: "outcome", locale: "en" } },
    ]);
  });

  it("ask for identity documents with what was wrong and never for a My Number", async () => {
    const { subject, reference, id } = await request({ status: "AWAITING_IDENTITY" });
    await db.verificationDecision.create({
      data: { requestId: id, result: "RESUBMIT", reasons: ["EXPIRED", "BACK_SIDE_MISSING"] },
    });
    const letter = await letters.openLetter({
      actor: subject,
      reference,
      kind: "identity",
      locale: "ja",
    });
    const { text } = await pdfText(letter!.bytes, "identity.pdf");
    for (const expected of [
      "本人確認書類のご提出のお願い",
      "書類の有効期限が切れています",
      "運転免許証",
      "マイナンバーカード（表面のみ）",
      "マイナンバー（個人番号）が記載された面や書類は絶対に送らないでください",
    ])
      expect(text).toContain(expected);
    // Not answered yet: no answer letter, and none for an extension never granted.
    for (const kind of ["outcome", "extension"] as const)
      expect(
        await letters.openLetter({ actor: subject, reference, kind, locale: "ja" }),
      ).toBeNull();
  });

  it("tell of an extension with the new date, the reason and where to complain", async () => {
    const { subject, reference, id } = await request({ status: "IN_PROGRESS" });
    await db.extension.create({
      data: {
        requestId: id,
        jurisdiction: "EU",
        reason: "The request covers many years of records.",
        newDueAt: new Date("2026-06-30T21:59:59.999Z"),
      },
    });
    const letter = await letters.openLetter({
      actor: subject,
      reference,
      kind: "extension",
      locale: "en",
    });
    const { text } = await pdfText(letter!.bytes, "extension.pdf");
    for (const expected of [
      "Notice of an extended deadline",
      // The EU deadline ends on 30 June in Paris, where the person lives (1 July in Tokyo).
      "to 30 Jun 2026",
      "The request covers many years of records.",
      "Where to complain",
    ])
      expect(text).toContain(expected);
  });
});
