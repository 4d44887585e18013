import { randomUUID } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { expect, test } from "./support/fixtures";
import { ERASURE_DETAILS, sql } from "./support/db";
import { fileForReview, verifyAsStaff } from "./support/staff";
import { waitForMail } from "./support/mail";

// The EMAIL connector as its people use it (issue 18): a manager adds a delivery vendor that has
// no API, reached by mail; staff verify a disclosure and an erasure; the vendor's desk gets a mail
// with a signed link and nobody's personal data, opens the link without an account, sees whom and
// what the task concerns, and answers: an export file (a wrong file first, refused by its content)
// and the erasure's count with what was kept. The answers land in the tasks on the staff page.

async function expectAxeClean(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
}

test("a vendor without an API answers its tasks through a signed link", async ({
  page,
  browser,
  signIn,
  signInElsewhere,
}, testInfo) => {
  test.setTimeout(150_000);
  const key = `vendor-${randomUUID().slice(0, 6)}`;
  const desk = `${key}@vendor.example.jp`;

  // The manager adds the vendor; a wrong address is refused beside its field.
  await signIn("ADMIN");
  await page.goto("/ja/manager/settings/systems");
  await page.getByLabel("キー（英小文字・数字・-・_）").fill(key);
  await page.getByLabel("名称（日本語）").fill("配送委託先");
  await page.getByLabel("名称（英語）").fill("Delivery vendor");
  await page.getByLabel("メール依頼（担当者・委託先へ）").check();
  await page.getByLabel("依頼の送付先メールアドレス").fill("not-an-address");
  await page.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByText("メールアドレスの形式で入力してください")).toBeVisible();
  await page.getByLabel("依頼の送付先メールアドレス").fill(desk);
  await page.getByLabel("催促の間隔（日）").fill("2");
  await page.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByText("保存しました。")).toBeVisible();
  await page.getByRole("link", { name: `編集: ${key}`, exact: true }).click();
  await expect(page.getByLabel("依頼の送付先メールアドレス")).toHaveValue(desk);
  await expect(page.getByLabel("催促の間隔（日）")).toHaveValue("2");
  await expectAxeClean(page, "form.panel");
  await page.locator("form.panel").screenshot({ path: testInfo.outputPath("system-form.png") });
  // The connection test asks the mail transport (here the suite's SMTP sink) to take mail.
  const health = page.getByTestId("system-health");
  await health.getByRole("button", { name: "接続をテストする" }).click();
  await expect(health.getByTestId("connection-check")).toHaveText("接続できました。");
  await expect(health.getByTestId("last-test")).toContainText("成功");

  // The vendor holds addresses and email addresses (the data map), and knows 佐藤 花子 as D-1001.
  const { person: subject } = await signInElsewhere("SUBJECT", { withSubject: true });
  await sql().query(
    `INSERT INTO "SystemCategoryPurpose" ("systemId", "categoryId", "purposeId")
     SELECT s.id, c.id, (SELECT id FROM "Purpose" ORDER BY "sortOrder" LIMIT 1)
     FROM "DataSystem" s, "DataCategory" c WHERE s.key = $1 AND c.key IN ('address', 'email')`,
    [key],
  );
  await sql().query(
    `INSERT INTO "SubjectExternalId" (id, "subjectId", "systemId", "externalId")
     SELECT gen_random_uuid(), $1, id, 'D-1001' FROM "DataSystem" WHERE key = $2`,
    [subject.subjectId, key],
  );
  const { rows: people } = await sql().query<{ email: string }>(
    `SELECT email FROM "Subject" WHERE id = $1`,
    [subject.subjectId],
  );
  const subjectEmail = people[0]!.email;

  const { page: staff } = await signInElsewhere("STAFF");
  const since = new Date(Date.now() - 1000);
  const disclosure = await fileForReview(subject.subjectId!, subject.id, "DISCLOSURE", {
    scope: "ALL",
    categoryKeys: [],
    method: "JSON",
    postalAddress: "",
  });
  await verifyAsStaff(staff, disclosure);
  const exportRow = staff.getByTestId(`task-${key}-EXPORT`);
  await expect(exportRow).toContainText("メール依頼");
  await expect(async () => {
    await staff.reload();
    await expect(exportRow.getByTestId("task-mailed")).toContainText(`${desk} へ`, {
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });

  // The mail: the request's reference, the system, the link; nobody's personal data.
  const mail = await waitForMail({ page, testInfo, to: desk, since, pattern: /system-tasks\// });
  expect(mail).toContain(disclosure);
  expect(mail).toContain("配送委託先");
  expect(mail).not.toContain(subjectEmail);
  expect(mail).not.toContain("D-1001");
  const link = /https?:\/\/\S+\/system-tasks\/[A-Za-z0-9._-]+/.exec(mail)![0];

  // The vendor's desk, signed in nowhere, opens the link.
  const vendorContext = await browser.newContext();
  const vendor = await vendorContext.newPage();
  await vendor.goto(link);
  await expect(vendor.getByRole("heading", { level: 1 })).toHaveText("個人データの対応のご依頼");
  const facts = vendor.getByTestId("task-facts");
  await expect(facts).toContainText(disclosure);
  await expect(facts).toContainText(subjectEmail);
  await expect(facts).toContainText("D-1001");
  await vendor.getByText("書き出しファイルの形式").click();
  await expect(vendor.getByRole("table", { name: "category 列に書くキー" })).toContainText(
    "address",
  );
  await expectAxeClean(vendor, "main");
  await vendor.screenshot({ path: testInfo.outputPath("vendor-export.png"), fullPage: true });

  // A PDF renamed .csv is refused by its content; nothing lands.
  const file = vendor.getByLabel("書き出しファイル");
  await file.setInputFiles({
    name: "export.csv",
    mimeType: "text/csv",
    buffer: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff]),
  });
  await vendor.getByRole("button", { name: "回答を送る" }).click();
  await expect(vendor.getByText("UTF-8 の CSV または JSON ではありません")).toBeVisible();
  await file.setInputFiles({
    name: "export.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      'field,category,value\n配送先住所,address,"東京都港区芝公園4-2-8, 3F"\n連絡先,email,hanako@example.jp\n',
    ),
  });
  await vendor.getByRole("button", { name: "回答を送る" }).click();
  await expect(
    vendor.getByRole("status").filter({ hasText: "ご回答をいただきました" }),
  ).toBeVisible();

  await staff.reload();
  await expect(exportRow.getByTestId("task-status")).toHaveText("完了");
  await expect(exportRow.getByTestId("task-result")).toHaveText("2件");
  // The vendor's file is what the package discloses of that system.
  await expect(staff.getByTestId("package-items")).toContainText("東京都港区芝公園4-2-8, 3F");

  // The erasure, answered on a phone: the count and what was kept, with its reason.
  const erasureSince = new Date(Date.now() - 1000);
  const erasure = await fileForReview(
    subject.subjectId!,
    subject.id,
    "SUSPENSION_ERASURE",
    ERASURE_DETAILS,
  );
  await verifyAsStaff(staff, erasure);
  const eraseMail = await waitForMail({
    page,
    testInfo,
    to: desk,
    since: erasureSince,
    pattern: new RegExp(erasure),
  });
  const eraseLink = /https?:\/\/\S+\/system-tasks\/[A-Za-z0-9._-]+/.exec(eraseMail)![0];
  await vendor.setViewportSize({ width: 375, height: 800 });
  await vendor.goto(eraseLink);
  await expect(vendor.getByTestId("task-facts")).toContainText("消去");
  await expect(vendor.getByTestId("task-facts")).toContainText(
    "貴システムで管理しているご本人の個人データすべて",
  );
  await vendor.getByLabel("消去した件数").fill("2");
  await vendor.getByRole("button", { name: "残したものを追加する" }).click();
  await vendor.getByLabel("項目", { exact: true }).fill("配送伝票");
  await vendor.getByLabel("残した理由").fill("法人税法上の保存義務（7年）");
  expect(await vendor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    375,
  );
  await expectAxeClean(vendor, "main");
  await vendor.screenshot({ path: testInfo.outputPath("vendor-erase-phone.png"), fullPage: true });
  await vendor.getByRole("button", { name: "回答を送る" }).click();
  await expect(
    vendor.getByRole("status").filter({ hasText: "ご回答をいただきました" }),
  ).toBeVisible();
  await vendorContext.close();

  await staff.goto(`/ja/staff/requests/${erasure}`);
  const eraseRow = staff.getByTestId(`task-${key}-ERASE`);
  await expect(eraseRow.getByTestId("task-status")).toHaveText("完了");
  await expect(eraseRow.getByTestId("task-result")).toContainText("消去 2件");
  await staff.setViewportSize({ width: 375, height: 800 });
  await staff.reload();
  expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await staff
    .locator('section[aria-labelledby="tasks-title"]')
    .screenshot({ path: testInfo.outputPath("staff-tasks-phone.png") });
});
