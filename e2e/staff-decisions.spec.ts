import { execFileSync } from "node:child_process";
import { randomInt, randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { actionId, postAction } from "./support/actions";
import {
  createSession,
  createUser,
  ERASURE_DETAILS,
  insertItem,
  requestStatus,
  sql,
} from "./support/db";
import { expect, test } from "./support/fixtures";
import { expectTranslated } from "./support/staff";

// Outcomes, refusals with legal grounds, four-eyes approvals and template messages, from the
// staff's and the requester's side.

/** A PDF's text (poppler's pdftotext), its lines joined: Japanese sentences wrap anywhere. */
function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(
    /\n(?=\S)/g,
    "",
  );
}

async function saveTemp(bytes: Buffer, name: string): Promise<string> {
  const file = path.join(tmpdir(), `${randomUUID()}-${name}`);
  await writeFile(file, bytes);
  return file;
}

/** Axe on the page, or only on the given parts of it (the panels this feature owns). */
async function expectNoViolations(page: Page, ...selectors: string[]) {
  const builder = new AxeBuilder({ page });
  for (const selector of selectors) builder.include(selector);
  await expectTranslated(page);
  const results = await builder.analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

/** A verified request (IN_PROGRESS) of any type, filed by the subject. */
async function insertVerified(options: {
  subjectId: string;
  filedById: string;
  type: string;
  details: object;
  locale?: "ja" | "en";
}) {
  const reference = `R-2099-${String(randomInt(1e6)).padStart(6, "0")}`;
  await sql().query(
    `INSERT INTO "Request" (id, reference, type, status, "subjectId", "filedById", details, locale, "identityVerifiedAt", "dueAt", "updatedAt")
     VALUES ($1, $2, $3, 'IN_PROGRESS', $4, $5, $6, $7, now(), now() + interval '10 days', now())`,
    [
      randomUUID(),
      reference,
      options.type,
      options.subjectId,
      options.filedById,
      JSON.stringify(options.details),
      options.locale ?? "ja",
    ],
  );
  return reference;
}

async function pendingApprovalId(reference: string): Promise<string> {
  const { rows } = await sql().query<{ id: string }>(
    `SELECT a.id FROM "Approval" a JOIN "Request" r ON r.id = a."requestId" WHERE r.reference = $1 AND a.decision = 'PENDING'`,
    [reference],
  );
  expect(rows).toHaveLength(1);
  return rows[0]!.id;
}

/** Posts the decide-approval action directly, as a forged client would. */
async function postDecision(
  request: Parameters<typeof postAction>[0],
  options: { baseURL: string; userId: string; reference: string; approvalId: string },
) {
  const response = await postAction(request, {
    baseURL: options.baseURL,
    path: `/ja/staff/requests/${options.reference}`,
    id: actionId("lib/actions/staff/decide-approval.ts", "decideApproval"),
    cookie: await createSession(options.userId),
    args: [
      {
        reference: options.reference,
        approvalId: options.approvalId,
        decision: "APPROVED",
        note: "",
      },
    ],
  });
  return response.text();
}

const ERASURE = ERASURE_DETAILS;

test("an erasure completes only after a second person approves it (en)", async ({
  page,
  signIn,
  signInElsewhere,
  request,
  baseURL,
}) => {
  const subject = await signIn("SUBJECT", { withSubject: true });
  const reference = await insertVerified({
    subjectId: subject.subjectId!,
    filedById: subject.id,
    type: "SUSPENSION_ERASURE",
    details: ERASURE,
  });

  const { page: staff, person: staffPerson } = await signInElsewhere("STAFF");
  await staff.goto(`${baseURL}/en/staff/requests/${reference}`);
  const panel = staff.getByTestId("decision-panel");
  await expect(panel.getByLabel("Fulfilled", { exact: true })).toBeChecked();
  await expectNoViolations(staff, '[data-testid="decision-panel"]');
  // A completed erasure needs four eyes: the form asks for approval instead of completing.
  await expect(panel.getByRole("button", { name: "Complete" })).toHaveCount(0);
  await panel.getByLabel("Answer to the requester").fill("We erased your data from all systems.");
  await panel.getByRole("button", { name: "Ask for approval" }).click();
  await expect(staff.getByTestId("status")).toHaveText("Awaiting approval");
  const proposal = staff.getByTestId("approval-panel");
  await expect(proposal.getByTestId("proposal-outcome")).toHaveText("Fulfilled");
  await expect(proposal).toContainText("Erasure completion");
  await expect(proposal).toContainText("Waiting for another person to decide it.");
  await expect(proposal.getByRole("button", { name: "Approve" })).toHaveCount(0);

  // The asker cannot approve by posting the action either.
  const approvalId = await pendingApprovalId(reference);
  const forged = await postDecision(request, {
    baseURL: baseURL!,
    userId: staffPerson.id,
    reference,
    approvalId,
  });
  expect(forged).toContain("FORBIDDEN");
  expect(await requestStatus(reference)).toBe("AWAITING_APPROVAL");

  const { page: manager } = await signInElsewhere("MANAGER");
  await manager.goto(`${baseURL}/en/staff/approvals`);
  const row = manager.getByTestId(`approval-row-${reference}`);
  await expect(row).toContainText("Erasure completion");
  await expect(row).toContainText("Suspension of use or erasure");
  await expectNoViolations(manager);
  await row.getByRole("link", { name: reference }).click();
  const decide = manager.getByTestId("approval-panel");
  await expect(decide.getByTestId("proposal-note")).toHaveText(
    "We erased your data from all systems.",
  );
  await expectNoViolations(manager, '[data-testid="approval-panel"]');
  await decide.getByRole("button", { name: "Approve" }).click();
  await expect(manager.getByTestId("status")).toHaveText("Completed");

  await page.goto(`/en/me/requests/${reference}`);
  await expect(page.getByTestId("status")).toHaveText("Completed");
  await expect(page.getByTestId("outcome")).toHaveText("Fulfilled");
  await expect(page.getByTestId("outcome-note")).toHaveText(
    "We erased your data from all systems.",
  );
  await expect(page.getByTestId("refusal-grounds")).toHaveCount(0);
  await expect(page.getByTestId("complaint-notice")).toHaveCount(0);
});

test("a refusal names its legal grounds, is sent back once, then approved; the requester reads why", async ({
  page,
  signIn,
  signInElsewhere,
  request,
  baseURL,
}) => {
  const subject = await signIn("SUBJECT", { withSubject: true });
  const reference = await insertVerified({
    subjectId: subject.subjectId!,
    filedById: subject.id,
    type: "DISCLOSURE",
    details: { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" },
  });

  // A manager asks: even with the permission, they cannot approve their own request.
  const { page: asker, person: askerPerson } = await signInElsewhere("MANAGER");
  await asker.goto(`${baseURL}/ja/staff/requests/${reference}`);
  const panel = asker.getByTestId("decision-panel");
  await panel.getByLabel("不開示・不実施").check();
  await panel.getByLabel("請求者への回答").fill("ご請求の記録は業務上の理由で開示できません。");
  await panel.getByRole("button", { name: "承認を依頼する" }).click();
  await expect(
    panel.getByText("拒否または一部拒否の法的理由を1つ以上選んでください"),
  ).toBeVisible();
  await expectNoViolations(asker, '[data-testid="decision-panel"]');
  // Only the grounds a disclosure can rest on are offered.
  await expect(panel.getByLabel("保有個人データの内容が事実でないとは認められない")).toHaveCount(0);
  // "Manifestly unfounded or excessive" is the GDPR's ground, not APPI's.
  await expect(panel.getByLabel("請求が明らかに根拠を欠く、または過大である")).toHaveCount(0);
  await expect(panel.getByTestId("fee-alternative")).toHaveCount(0);
  await panel.getByLabel("当社の業務の適正な実施に著しい支障を及ぼすおそれがある").check();
  await panel.getByRole("button", { name: "承認を依頼する" }).click();
  await expect(asker.getByTestId("status")).toHaveText("承認待ち");
  await expect(asker.getByTestId("proposal-grounds")).toContainText("著しい支障");
  await expect(asker.getByRole("button", { name: "承認して確定する" })).toHaveCount(0);
  const approvalId = await pendingApprovalId(reference);
  expect(
    await postDecision(request, {
      baseURL: baseURL!,
      userId: askerPerson.id,
      reference,
      approvalId,
    }),
  ).toContain("SELF_APPROVAL");
  expect(await requestStatus(reference)).toBe("AWAITING_APPROVAL");

  // The second person sends it back once (a reason is required), then approves the next proposal.
  const { page: approver } = await signInElsewhere("MANAGER");
  await approver.goto(`${baseURL}/ja/staff/requests/${reference}`);
  await approver.getByRole("button", { name: "差し戻す" }).click();
  await expect(approver.getByText("差し戻す理由を入力してください")).toBeVisible();
  await approver
    .getByLabel("コメント（差し戻す場合は必須。依頼した人に表示されます）")
    .fill("説明に根拠となる業務を具体的に書いてください。");
  await approver.getByRole("button", { name: "差し戻す" }).click();
  await expect(approver.getByTestId("status")).toHaveText("対応中");

  await asker.reload();
  await expect(asker.getByTestId("last-rejection")).toContainText(
    "説明に根拠となる業務を具体的に書いてください。",
  );
  await panel.getByLabel("不開示・不実施").check();
  await panel.getByLabel("当社の業務の適正な実施に著しい支障を及ぼすおそれがある").check();
  await panel.getByLabel("他の法令に違反することになる、または他の法令に別の定めがある").check();
  await panel
    .getByLabel("請求者への回答")
    .fill("開示すると不正調査の業務に著しい支障を及ぼすため、開示できません。");
  await panel.getByRole("button", { name: "承認を依頼する" }).click();
  await expect(asker.getByTestId("status")).toHaveText("承認待ち");

  await approver.reload();
  await approver.getByRole("button", { name: "承認して確定する" }).click();
  await expect(approver.getByTestId("status")).toHaveText("完了");

  await page.goto(`/ja/me/requests/${reference}`);
  await expect(page.getByTestId("status")).toHaveText("完了");
  await expect(page.getByTestId("outcome")).toHaveText("不開示・不実施");
  const grounds = page.getByTestId("refusal-grounds").getByRole("listitem");
  await expect(grounds).toHaveText([
    "当社の業務の適正な実施に著しい支障を及ぼすおそれがある",
    "他の法令に違反することになる、または他の法令に別の定めがある",
  ]);
  await expect(page.getByTestId("outcome-note")).toHaveText(
    "開示すると不正調査の業務に著しい支障を及ぼすため、開示できません。",
  );
  // The internal send-back reason never reaches the requester.
  await expect(page.getByText("説明に根拠となる業務を具体的に書いてください。")).toHaveCount(0);
  await expect(page.getByTestId("refusal-grounds")).toBeVisible();
  // Where to complain: the PPC for a request under APPI, and the courts.
  const complaint = page.getByTestId("complaint-notice");
  await expect(complaint.getByRole("link", { name: "個人情報保護委員会" })).toHaveAttribute(
    "href",
    "https://www.ppc.go.jp/",
  );
  await expect(complaint).toContainText("裁判所に訴えを提起することもできます");
  await expectNoViolations(page);

  // The answer as a letter on A4, to keep or print: addressed to her, the grounds, the
  // explanation and where to complain, read back from the PDF she downloads.
  const letters = page.getByTestId("letters");
  await expect(letters.getByRole("link")).toHaveText(["ご請求への回答（PDF）"]);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    letters.getByRole("link", { name: "ご請求への回答（PDF）" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${reference}-outcome-ja.pdf`);
  const letter = pdfText(await download.path());
  for (const text of [
    "様",
    "ご請求への回答（お応えできないことについて）",
    "当社の業務の適正な実施に著しい支障を及ぼすおそれがある",
    "開示すると不正調査の業務に著しい支障を及ぼすため、開示できません。",
    "個人情報保護委員会",
  ])
    expect(letter).toContain(text);
  expect(letter).not.toContain("説明に根拠となる業務を具体的に書いてください。");

  // Staff, who print letters for a reply by post, have each in both languages.
  await approver.reload();
  const staffLetters = approver.getByTestId("letters");
  await expect(staffLetters.getByRole("listitem")).toHaveText([/^ご請求への回答: 日本語 · 英語/]);
  await expect(staffLetters.getByRole("link", { name: "日本語：ご請求への回答" })).toBeVisible();
  const english = await approver.request.get(
    (await staffLetters.getByRole("link", { name: "英語：ご請求への回答" }).getAttribute("href"))!,
  );
  expect(english.headers()["content-type"]).toBe("application/pdf");
  const englishText = pdfText(await saveTemp(await english.body(), `${reference}-en.pdf`));
  expect(englishText).toContain("Our answer to your request: refused");
  expect(englishText).toContain("It could seriously disrupt the proper conduct of our business");
  // Another person's request has no letters for her.
  const stranger = await page.request.get(`/ja/requests/R-2026-000001/letters/outcome`);
  expect(stranger.status()).toBe(404);
});

test("a disclosure of a person with nothing on file closes as 'no such data held'; with data on file it cannot (en)", async ({
  page,
  signIn,
  signInElsewhere,
  baseURL,
}) => {
  const subject = await signIn("SUBJECT", { withSubject: true });
  const reference = await insertVerified({
    subjectId: subject.subjectId!,
    filedById: subject.id,
    type: "DISCLOSURE",
    details: { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" },
    locale: "en",
  });
  // Another person's request, with a retained item on file.
  const holder = await createUser("SUBJECT", { withSubject: true });
  await insertItem({
    subjectId: holder.subjectId!,
    system: "members",
    category: "address",
    field: "住所",
    value: "東京都千代田区1-1",
  });
  const held = await insertVerified({
    subjectId: holder.subjectId!,
    filedById: holder.id,
    type: "DISCLOSURE",
    details: { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" },
  });

  const { page: staff } = await signInElsewhere("STAFF");
  for (const width of [1280, 375]) {
    await staff.setViewportSize({ width, height: 900 });
    await staff.goto(`${baseURL}/en/staff/requests/${held}`);
    const panel = staff.getByTestId("decision-panel");
    await panel.getByLabel("No such personal data held").check();
    await expect(panel.getByTestId("outcome-hint")).toContainText("cannot be chosen while data");
    await panel.getByLabel("Answer to the requester").fill("We hold nothing about you.");
    await panel.getByRole("button", { name: "Complete" }).click();
    await expect(panel.locator("#decision-outcome-error")).toContainText(
      "Retained items (or provision records) of this person are on file",
    );
  }
  expect(await requestStatus(held)).toBe("IN_PROGRESS");

  await staff.goto(`${baseURL}/en/staff/requests/${reference}`);
  const panel = staff.getByTestId("decision-panel");
  await panel.getByLabel("No such personal data held").check();
  await panel
    .getByLabel("Answer to the requester")
    .fill("We searched every system and hold no data about you.");
  await expectNoViolations(staff, '[data-testid="decision-panel"]');
  await panel.getByRole("button", { name: "Complete" }).click();
  await expect(staff.getByTestId("status")).toHaveText("Completed");

  await page.goto(`/en/me/requests/${reference}`);
  await expect(page.getByTestId("outcome")).toContainText("No such personal data held");
  await expect(page.getByTestId("outcome-explain")).toContainText("APPI Art.33(3)");
  await expect(page.getByTestId("outcome-note")).toHaveText(
    "We searched every system and hold no data about you.",
  );
  await expect(page.getByTestId("complaint-notice")).toHaveCount(0);
  await expectNoViolations(page);
});

test("completion waits for open fulfilment tasks", async ({ signIn, baseURL, page }) => {
  await signIn("STAFF");
  const subject = await createUser("SUBJECT", { withSubject: true });
  const reference = await insertVerified({
    subjectId: subject.subjectId!,
    filedById: subject.id,
    type: "DISCLOSURE",
    details: { scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" },
  });
  const systems = await sql().query<{ id: string }>(`SELECT id FROM "DataSystem" LIMIT 2`);
  expect(systems.rows.length).toBe(2);
  for (const [i, status] of (["FAILED", "PENDING"] as const).entries()) {
    await sql().query(
      `INSERT INTO "FulfilmentTask" (id, "requestId", "systemId", action, status)
       SELECT $1, r.id, $2, 'EXPORT', $3 FROM "Request" r WHERE r.reference = $4`,
      [randomUUID(), systems.rows[i]!.id, status, reference],
    );
  }
  await page.goto(`${baseURL}/ja/staff/requests/${reference}`);
  const panel = page.getByTestId("decision-panel");
  await panel.getByLabel("請求者への回答").fill("お送りします。");
  await panel.getByRole("button", { name: "完了する" }).click();
  await expect(panel.getByTestId("open-tasks-error")).toContainText(
    "未完了の対応タスクが2件あります（待機中1件・実行中0件・失敗1件）",
  );
  expect(await requestStatus(reference)).toBe("IN_PROGRESS");
});

test("a message from a template, in the request's language, edited before sending", async ({
  page,
  signIn,
  signInElsewhere,
  baseURL,
}) => {
  const subject = await signIn("SUBJECT", { withSubject: true });
  const reference = await insertVerified({
    subjectId: subject.subjectId!,
    filedById: subject.id,
    type: "CORRECTION",
    details: { items: [], reason: "住所が古い" },
    locale: "en",
  });

  const { page: staff } = await signInElsewhere("STAFF");
  await staff.goto(`${baseURL}/ja/staff/requests/${reference}`);
  const picker = staff.getByLabel("テンプレート");
  // Only the templates that fit a correction are offered.
  await expect(picker.locator("option", { hasText: "完了: 訂正・追加・削除" })).toHaveCount(1);
  await expect(picker.locator("option", { hasText: "完了: 開示" })).toHaveCount(0);
  await picker.selectOption({ label: "追加情報のお願い" });
  await staff.getByRole("button", { name: "本文に入れる" }).click();
  const body = staff.getByLabel("メッセージ", { exact: true });
  // The request was filed in English: the template speaks English, filled in.
  await expect(body).toHaveValue(new RegExp(`^\\[${reference}\\] We need more information`));
  await expect(body).toHaveValue(/Dear 試験 太郎,/);
  const text = (await body.inputValue()).replace("(write here)", "your current postal code");
  await body.fill(text);
  await expectNoViolations(staff, '[data-testid="template-picker"]', "form:has(#message-body)");
  await staff.getByRole("button", { name: "送信する" }).click();
  await expect(staff.getByText("送信しました。")).toBeVisible();

  await page.goto(`/ja/me/requests/${reference}`);
  const thread = page.getByTestId("messages");
  await expect(thread).toContainText("- your current postal code");
  await expect(thread).toContainText("Dear 試験 太郎,");
});
