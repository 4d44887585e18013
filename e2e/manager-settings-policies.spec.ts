import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { expect, test } from "./support/fixtures";
import { createSession, sql, uniqueEmail } from "./support/db";

// Configuration by managers and administrators: deadline rules (with the deadline engine's own
// refusals shown beside the field), fees, message wording and staff accounts. Changes that
// other specs would notice (the EU base rule, the fees, the wording) are refused or saved
// unchanged; the visible change is an EU rule for one request type, removed again at the end.

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

async function euProvisionRecordsRule() {
  const { rows } = await sql().query<{ id: string; amount: number; unit: string }>(
    `SELECT id, amount, unit::text FROM "DeadlinePolicy"
     WHERE jurisdiction = 'EU' AND "requestType" = 'PROVISION_RECORDS'`,
  );
  return rows[0];
}

test("a configuration change: a manager's invalid EU deadline is refused, a valid one is saved and shown", async ({
  page,
  signIn,
}) => {
  await sql().query(
    `DELETE FROM "DeadlinePolicy" WHERE jurisdiction = 'EU' AND "requestType" = 'PROVISION_RECORDS'`,
  );
  await signIn("MANAGER");
  await page.goto("/ja/manager/settings/deadlines");
  await expect(page.getByRole("heading", { level: 1, name: "回答期限の設定" })).toBeVisible();
  await expectNoViolations(page);

  // The EU base rule: zero days would put the deadline on the day of receipt.
  const base = page.getByTestId("policy-EU-base");
  await base.getByLabel("回答期限", { exact: true }).fill("0");
  await base.getByRole("button", { name: "保存" }).click();
  await expect(
    base.getByText("期間は1以上の整数で入力してください", { exact: false }),
  ).toBeVisible();
  await expect(base.getByLabel("回答期限", { exact: true })).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  const { rows } = await sql().query(
    `SELECT amount FROM "DeadlinePolicy" WHERE jurisdiction = 'EU' AND "requestType" IS NULL`,
  );
  expect(rows[0].amount).toBe(1);

  // A rule for one type: 40 days is beyond GDPR's month, 20 days is within it.
  const add = page.locator("form[aria-labelledby=dp-new-title]");
  await add.getByLabel("法域").selectOption("EU");
  await add.getByLabel("請求の種類").selectOption("PROVISION_RECORDS");
  await add.getByLabel("回答期限", { exact: true }).fill("40");
  await add.getByRole("button", { name: "追加" }).click();
  await expect(add.getByText("法令で定められた期間を超えています。")).toBeVisible();
  expect(await euProvisionRecordsRule()).toBeUndefined();
  await add.getByLabel("回答期限", { exact: true }).fill("20");
  await add.getByRole("button", { name: "追加" }).click();
  await expect(page.getByTestId("toast")).toContainText("個別設定を追加しました。");
  const rule = await euProvisionRecordsRule();
  expect(rule).toMatchObject({ amount: 20, unit: "CALENDAR_DAYS" });
  const audit = await sql().query(
    `SELECT count(*)::int AS n FROM "AuditEvent" WHERE "entityId" = $1 AND action = 'config.deadline-policy.create'`,
    [rule!.id],
  );
  expect(audit.rows[0].n).toBe(1);

  // After a reload the rule is listed with its value, and can be removed (the base one cannot).
  await page.reload();
  const own = page.locator(`form[aria-labelledby="dp-${rule!.id}-title"]`);
  await expect(own.getByRole("heading")).toContainText("第三者提供記録の開示");
  await expect(own.getByLabel("回答期限", { exact: true })).toHaveValue("20");
  await expect(base.getByRole("button", { name: "この個別設定を削除" })).toHaveCount(0);
  await own.getByRole("button", { name: "この個別設定を削除" }).click();
  await expect(own).toHaveCount(0);
  expect(await euProvisionRecordsRule()).toBeUndefined();
});

test("fees and message wording: field errors from the shared schema, saves audited, axe-clean", async ({
  page,
  signIn,
}) => {
  await signIn("MANAGER");
  await page.goto("/ja/manager/settings/fees");
  await expectNoViolations(page);
  const fee = page.getByLabel("開示の請求の手数料（円）");
  await fee.fill("-1");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("0以上の整数で入力してください")).toBeVisible();
  // Saved unchanged (the transparency spec expects the demo organisation to charge nothing).
  await fee.fill("0");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("保存しました。")).toBeVisible();
  const fees = await sql().query(
    `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'config.fees.update'`,
  );
  expect(fees.rows[0].n).toBeGreaterThan(0);

  await page.goto("/ja/manager/settings/templates");
  await expectNoViolations(page);
  const form = page.getByTestId("tpl-extensionNotice-en");
  const body = form.getByLabel("本文");
  const original = await body.inputValue();
  await body.fill(`${original}\n{fee}`);
  await form.getByRole("button").click();
  await expect(form.getByText("使えない差し込み項目があります", { exact: false })).toBeVisible();
  await body.fill(original);
  await form.getByRole("button").click();
  await expect(page.getByTestId("toast")).toContainText("保存しました。");
  const saved = await sql().query(
    `SELECT body FROM "MessageTemplate" WHERE key = 'extensionNotice' AND locale = 'en'`,
  );
  expect(saved.rows[0].body).toBe(original);
});

test("a manager adds a staff account who can then open the queue; only an admin grants MANAGER", async ({
  page,
  signIn,
  signInElsewhere,
  browser,
  baseURL,
}) => {
  await signIn("MANAGER");
  await page.goto("/ja/manager/settings/staff");
  await expect(page.getByRole("heading", { level: 1, name: "担当者の管理" })).toBeVisible();
  await expectNoViolations(page);

  const email = uniqueEmail("new-staff");
  const form = page.locator("form[aria-labelledby=staff-add-title]");
  await form.getByLabel("メールアドレス").fill(email);
  await form.getByLabel("氏名").fill("新人 花子");
  await form.getByLabel("役割").selectOption("STAFF");
  await form.getByRole("button", { name: "追加" }).click();
  await expect(page.getByTestId("toast")).toContainText("担当者を追加しました。");
  await expect(page.getByTestId("staff-accounts")).toContainText(email);

  // The new person signs in and opens the staff queue.
  const { rows } = await sql().query<{ id: string; role: string }>(
    `SELECT id, role::text FROM "User" WHERE email = $1`,
    [email],
  );
  expect(rows[0]?.role).toBe("STAFF");
  const context = await browser.newContext({ baseURL });
  await context.addCookies([
    {
      name: "authjs.session-token",
      value: await createSession(rows[0]!.id),
      url: baseURL!,
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
  const staffPage = await context.newPage();
  await staffPage.goto("/ja/staff");
  await expect(staffPage.getByRole("heading", { level: 1, name: "対応キュー" })).toBeVisible();
  await context.close();

  // A manager cannot grant MANAGER: the server refuses and says why, beside the role.
  const promoted = uniqueEmail("new-manager");
  await form.getByLabel("メールアドレス").fill(promoted);
  await form.getByLabel("氏名").fill("昇格 太郎");
  await form.getByLabel("役割").selectOption("MANAGER");
  await form.getByRole("button", { name: "追加" }).click();
  await expect(
    form
      .getByText("管理者・システム管理者の権限の付与や取り消しは、システム管理者だけができます。")
      .first(),
  ).toBeVisible();
  expect((await sql().query(`SELECT 1 FROM "User" WHERE email = $1`, [promoted])).rowCount).toBe(0);

  // An administrator can.
  const admin = await signInElsewhere("ADMIN");
  await admin.page.goto("/ja/manager/settings/staff");
  const adminForm = admin.page.locator("form[aria-labelledby=staff-add-title]");
  await adminForm.getByLabel("メールアドレス").fill(promoted);
  await adminForm.getByLabel("氏名").fill("昇格 太郎");
  await adminForm.getByLabel("役割").selectOption("MANAGER");
  await adminForm.getByRole("button", { name: "追加" }).click();
  await expect(admin.page.getByTestId("toast")).toContainText("担当者を追加しました。");
  const granted = await sql().query<{ role: string }>(
    `SELECT role::text FROM "User" WHERE email = $1`,
    [promoted],
  );
  expect(granted.rows[0]?.role).toBe("MANAGER");
  const audit = await sql().query(
    `SELECT count(*)::int AS n FROM "AuditEvent" a JOIN "User" u ON u.id = a."entityId"
     WHERE u.email = $1 AND a.action = 'staff.add' AND a."actorId" = $2`,
    [promoted, admin.person.id],
  );
  expect(audit.rows[0].n).toBe(1);

  // The administrator also moves the first new person from STAFF to MANAGER in the list.
  const row = admin.page.getByTestId("staff-accounts").locator("tr").filter({ hasText: email });
  await row.getByRole("combobox").selectOption("MANAGER");
  await row.getByRole("button", { name: "役割を変更" }).click();
  await expect(row.getByText("保存しました。")).toBeVisible();
  const changed = await sql().query<{ role: string }>(
    `SELECT role::text FROM "User" WHERE email = $1`,
    [email],
  );
  expect(changed.rows[0]?.role).toBe("MANAGER");
});

test("where to complain: a manager corrects an authority's contact; an http address is refused", async ({
  page,
  signIn,
}) => {
  await signIn("MANAGER");
  await page.goto("/en/manager/settings");
  await page.getByRole("link", { name: "Where to complain (supervisory authorities)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Where to complain (supervisory authorities)",
  );
  await expectNoViolations(page);
  // Korea's: no other spec reads it.
  const form = page.locator('form[data-authority="KR"]');
  await expect(form.getByRole("heading")).toHaveText("Korea (PIPA)");
  const url = form.getByLabel("Address (https)");
  const original = await url.inputValue();
  await url.fill("http://www.pipc.go.kr/");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Enter an address that starts with https://")).toBeVisible();
  await url.fill(original);
  const contact = `Call 118 (${Date.now()})`;
  await form.getByLabel("Contact (English, optional)").fill(contact);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("toast")).toContainText("Saved.");
  const { rows } = await sql().query<{ contactEn: string }>(
    `SELECT "contactEn" FROM "SupervisoryAuthority" WHERE key = 'KR'`,
  );
  expect(rows[0]!.contactEn).toBe(contact);
  const audit = await sql().query(
    `SELECT 1 FROM "AuditEvent" WHERE action = 'config.authority.update' AND "entityId" = 'KR'`,
  );
  expect(audit.rowCount).toBeGreaterThan(0);
});

test("support staff cannot open the configuration pages", async ({ page, signIn }) => {
  await signIn("STAFF");
  for (const path of ["deadlines", "fees", "templates", "staff", "authorities"]) {
    await page.goto(`/ja/manager/settings/${path}`);
    await expect(page.getByRole("heading", { level: 1, name: "アクセスできません" })).toBeVisible();
    await expect(page.locator("form.panel")).toHaveCount(0);
  }
});
