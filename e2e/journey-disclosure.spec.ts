import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

import { expect, test, type Locator, type Page } from "@playwright/test";

import { disclosurePackage } from "../lib/i18n/messages/sections/disclosurePackage";
import { ageSignIn, expectHumanText, fieldKeys, journeyDb, watchPage } from "./support/journey";
import { forgetSignInLimit, signInByEmail, waitForMail } from "./support/mail";

// The disclosure journey as its people walk it, on PostgreSQL and on the embedded default:
// 佐藤 花子 asks for all her data as a PDF; staff verify her, run the fulfilment of every kind of
// system that holds her (the portal's own, the HTTP reservations system, and the three systems
// worked by hand), withhold one item and build the package; she downloads it by clicking, after
// her sign-in has grown too old for a download, and both files hold exactly what the preview
// promised, item by item, with the data map's labels.

const ja = disclosurePackage.ja;
const SUBJECT = "hanako.sato@example.jp";
const STAFF = "staff@example.jp";

interface PreviewRow {
  category: string;
  system: string;
  field: string;
  value: string;
  state: string;
}

/** Every row of the package preview, page by page, as staff see them. */
async function previewRows(panel: Locator): Promise<PreviewRow[]> {
  const rows: PreviewRow[] = [];
  for (;;) {
    const items = panel.getByTestId("package-item");
    await expect(items.first()).toBeVisible();
    for (const row of await items.all()) {
      const cells = await row.locator("td").allInnerTexts();
      rows.push({
        category: cells[0]!.trim(),
        system: cells[1]!.trim(),
        field: cells[2]!.trim(),
        value: cells[3]!.trim(),
        state: (await row.getAttribute("data-state")) ?? "",
      });
    }
    const next = panel.getByRole("button", { name: ja.preview.next });
    if ((await next.count()) === 0 || (await next.isDisabled())) return rows;
    const first = await items.first().innerText();
    await next.click();
    await expect(items.first()).not.toHaveText(first);
  }
}

const squash = (text: string) => text.replace(/\s+/g, "");

/** The item rows of the readable HTML document: [field label, value] per item. */
function htmlItems(html: string): [string, string][] {
  const section = html.slice(html.indexOf('id="items"'), html.indexOf('id="withheld"'));
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
  return [...section.matchAll(/<tr><td>(.*?)<\/td><td>(.*?)<\/td>/g)].map((m) => [
    decode(m[1]!),
    decode(m[2]!),
  ]);
}

async function download(page: Page, click: () => Promise<unknown>) {
  const started = page.waitForEvent("download");
  await click();
  const file = await started;
  const path = await file.path();
  return { name: file.suggestedFilename(), path };
}

test("a disclosure from every kind of system reaches the person whole, with labels", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(240_000);
  const keys = await fieldKeys(testInfo);
  const subject = watchPage(page);

  // ── The subject asks for all her data as a PDF.
  await signInByEmail(page, testInfo, SUBJECT);
  await page.goto("/ja/me/data");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectHumanText(page, keys);
  await page.goto("/ja/me/requests/new/disclosure");
  await page.getByLabel("保有するすべての個人データ").check();
  await page.getByLabel("開示の方法").selectOption("PDF");
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page).toHaveURL(/\/ja\/me\/requests\/R-\d{4}-\d{6}/);
  const reference = (await page.getByTestId("reference").innerText()).trim();
  await expectHumanText(page, keys);

  // ── Staff verify her and work every system's task.
  const staffContext = await browser.newContext({ baseURL });
  const staff = await staffContext.newPage();
  const staffWatch = watchPage(staff);
  await signInByEmail(staff, testInfo, STAFF);
  await staff.goto(`/ja/staff/requests/${reference}`);
  await staff.getByLabel(/^本人の本人確認書類/).check();
  await staff.getByLabel("確認メモ（内部用）").fill("運転免許証で照合");
  await staff.getByRole("button", { name: "本人確認済みとして記録" }).click();
  await expect(staff.getByTestId("status")).toHaveText("対応中");

  // Before the hand-worked systems are done, nothing can be built.
  const panel = staff.getByRole("region", { name: ja.panel.title });
  await expect(panel.getByTestId("package-sources")).toContainText("完了待ち");
  await expect(panel.getByRole("button", { name: ja.build.submit })).toBeDisabled();

  const manual = staff.getByRole("region", { name: /^手作業: / });
  await expect(manual).toHaveCount(3);
  for (let left = 3; left > 0; left--) {
    const task = manual.first();
    await task.getByRole("button", { name: "担当する" }).click();
    await expect(task.getByRole("checkbox").first()).toBeVisible();
    for (const box of await task.getByRole("checkbox").all()) await box.check();
    await task.getByLabel(/^完了メモ/).fill("採用・広告・決済の各システムで照合しました。");
    await task.getByRole("button", { name: "完了にする" }).click();
    await expect(manual).toHaveCount(left - 1);
  }
  await expect(async () => {
    await staff.reload();
    const texts = await staff.getByTestId("task-status").allInnerTexts();
    expect(texts.length).toBeGreaterThanOrEqual(7);
    expect(texts.every((t) => t.trim() === "完了")).toBe(true);
  }).toPass({ timeout: 60_000 });

  // The preview: where each system's items come from, and every item with its treatment.
  const sources = panel.getByTestId("package-sources");
  // On PostgreSQL the demo also has its own MariaDB and PostgreSQL databases, which hold her
  // (prisma/seed/demo-databases.ts); the embedded demo keeps its portal, HTTP and manual systems.
  const databases = testInfo.project.name === "postgres";
  await expect(sources.locator("li[data-state=complete]")).toHaveCount(databases ? 6 : 4);
  await expect(sources).toContainText("予約: システムからの回答");
  await expect(sources).toContainText("決済・不正検知: ポータルの記録（担当者が手作業で照合済み）");
  const dbSystems = databases ? ["会員データベース（会員証）", "通販注文データベース"] : [];
  for (const system of dbSystems)
    await expect(sources).toContainText(`${system}: システムからの回答`);
  const rows = await previewRows(panel);
  const systems = new Set(rows.map((r) => r.system));
  for (const system of [
    "会員基盤",
    "予約",
    "採用・求職支援",
    "広告配信",
    "決済・不正検知",
    ...dbSystems,
  ])
    expect(systems, `items of ${system}`).toContain(system);
  // Labels from the data map, not keys.
  expect(rows.map((r) => r.field)).toContain("氏名（フリガナ）");
  expect(rows.map((r) => r.field)).toContain("職務経歴");
  await expectHumanText(staff, keys);

  // Withhold one item with the reason she will read (her items fit on the first page).
  expect(rows.length).toBeLessThanOrEqual(50);
  await panel
    .getByTestId("package-item")
    .filter({ hasText: "203.0.113.45" })
    .getByRole("button", { name: /^不開示にする: / })
    .click();
  await panel.getByLabel(ja.preview.ground).selectOption("HARM_TO_PERSON");
  await panel.getByLabel(ja.preview.reason).fill("他の利用者と共用の接続元のため");
  await panel.getByRole("button", { name: ja.preview.save }).click();
  await expect(
    panel.getByTestId("package-item").filter({ hasText: "203.0.113.45" }),
  ).toHaveAttribute("data-state", "redacted");
  // Items marked for a check (an ID number, a secret) are disclosed unless withheld.
  const promised = (await previewRows(panel)).filter((r) =>
    ["included", "check"].includes(r.state),
  );
  const counts = await panel.getByTestId("package-counts").innerText();
  expect(counts).toContain(`${promised.length}件`);

  await panel.getByRole("button", { name: ja.build.submit }).click();
  await expect(staff.getByTestId("toast")).toContainText(
    ja.build.done.replace("{count}", String(promised.length)),
  );
  const decision = staff.getByTestId("decision-panel");
  await decision.getByLabel("請求者への回答").fill("保有個人データをPDFでお送りします。");
  await decision.getByRole("button", { name: "完了する" }).click();
  await expect(staff.getByTestId("status")).toHaveText("完了");
  await expectHumanText(staff, keys);
  staffWatch.expectClean();
  await staffContext.close();

  // ── Later: her sign-in is older than the download allows. She clicks the PDF link.
  await ageSignIn(testInfo, SUBJECT);
  await page.goto(`/ja/me/requests/${reference}`);
  await expect(page.getByTestId("status")).toHaveText("完了");
  await expectHumanText(page, keys);
  await page.getByRole("link", { name: ja.download.PDF }).click();
  await expect(page).toHaveURL(/\/ja\/me\/reauth\?next=/);
  await expect(page.getByRole("heading", { name: "もう一度ログインしてください" })).toBeVisible();
  const since = new Date(Date.now() - 1000);
  await forgetSignInLimit(testInfo, SUBJECT);
  await page.getByRole("button", { name: "ログインリンクを送る" }).click();
  await expect(page).toHaveURL(/\/ja\/sign-in\/check-email/);
  const mail = await waitForMail({
    page,
    testInfo,
    to: SUBJECT,
    since,
    pattern: /\/api\/auth\/callback\/nodemailer/,
  });
  const link = /https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/.exec(mail)![0];
  // The link brings her back to the request, and the download she clicked starts by itself.
  const pdf = await download(page, () => page.goto(link).catch(() => undefined));
  expect(pdf.name).toBe(`${reference}.pdf`);
  await expect(page.getByTestId("download-started")).toBeVisible();
  const pdfText = squash(
    execFileSync("pdftotext", ["-enc", "UTF-8", pdf.path, "-"], { encoding: "utf8" }),
  );
  for (const row of promised) {
    expect(pdfText, `PDF holds ${row.field}`).toContain(squash(row.field));
    expect(pdfText, `PDF holds the value of ${row.field}`).toContain(squash(row.value));
  }
  expect(pdfText).toContain(squash(`${ja.doc.itemCount}: ${promised.length}`));
  expect(pdfText).not.toContain("203.0.113.45");
  expect(pdfText).toContain("他の利用者と共用の接続元のため");
  for (const key of ["fullNameKana", "careerSummary", "lastIpAddress", "cardPayments"])
    expect(pdfText).not.toContain(key);

  // The readable document holds the same items, one row each.
  const html = await download(page, () =>
    page.getByRole("link", { name: ja.download.HTML }).click(),
  );
  const rowsInHtml = htmlItems(readFileSync(html.path, "utf8"));
  expect(rowsInHtml.map(([f, v]) => `${f}|${v}`).sort()).toEqual(
    promised.map((r) => `${r.field}|${r.value}`).sort(),
  );

  // Every download was recorded.
  const db = await journeyDb(testInfo);
  const { rows: audits } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "AuditEvent" a JOIN "Request" r ON r.id = a."requestId"
     WHERE r.reference = $1 AND a.action = 'package.download'`,
    [reference],
  );
  expect(audits[0]!.n).toBe(2);
  subject.expectClean();
});
