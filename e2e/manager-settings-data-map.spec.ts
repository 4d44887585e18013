import AxeBuilder from "@axe-core/playwright";
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";

import { expect, test } from "./support/fixtures";
import { insertItem, sql } from "./support/db";

// The data map's configuration pages: a manager adds a recipient abroad (the shared schema's
// class-dependent field errors first) and finds it on the public transparency page; adds an HTTP
// system and sees its new signing secret once; a referenced category cannot be deleted; support
// staff get the Forbidden page. Every page passes axe.

const short = () => randomUUID().slice(0, 8);

async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
}

async function audits(action: string, key: string): Promise<{ data: unknown }[]> {
  const { rows } = await sql().query<{ data: unknown }>(
    `SELECT data FROM "AuditEvent" WHERE action = $1 AND data->>'key' = $2`,
    [action, key],
  );
  return rows;
}

test("a manager adds a recipient abroad and the public page lists it", async ({ page, signIn }) => {
  await signIn("MANAGER");
  await page.goto("/ja/manager/settings/recipients");
  await expect(page.getByRole("heading", { level: 1, name: "提供先" })).toBeVisible();
  await expectNoAxeViolations(page);

  const key = `overseas-${short()}`;
  const nameJa = `海外提供先 ${short()}`;
  await page.getByLabel("キー（英小文字・数字・-・_）").fill(key);
  await page.getByLabel("名称（日本語）").fill(nameJa);
  await page.getByLabel("名称（英語）").fill(`Overseas ${key}`);
  await page.getByLabel("外国にある第三者", { exact: true }).check();
  await page.getByLabel("その国の個人情報保護制度（日本語）").fill("包括的な法律があります。");
  await page.getByLabel("その国の個人情報保護制度（英語）").fill("A comprehensive law applies.");
  await page
    .getByLabel("提供先が講じている措置（日本語）")
    .fill("契約で安全管理措置を求めています。");
  await page
    .getByLabel("提供先が講じている措置（英語）")
    .fill("Safeguards are required by contract.");

  // Without a country the shared schema refuses, on the country field, before anything is sent.
  await page.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByText("外国にある第三者には国・地域を入力してください")).toBeVisible();
  const country = page.locator("#recipient-country");
  await expect(country).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  await country.fill("us");
  // The transfer's safeguard (GDPR Art.15(2)) and the notice address (Art.19), in words.
  await page
    .getByLabel("移転の保護措置（GDPR・英国GDPR）")
    .selectOption({ label: "標準データ保護条項（GDPR第46条第2項(c)(d)）" });
  await page.getByLabel("通知先のメールアドレス").fill(`privacy@${key}.example.com`);
  await page.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByText("保存しました。")).toBeVisible();
  const row = page.getByTestId("recipients").locator(`tr[data-key="${key}"]`);
  await expect(row).toContainText(nameJa);
  await expect(row).toContainText("外国にある第三者");

  const saved = await sql().query<{ transferSafeguard: string; noticeEmail: string }>(
    `SELECT "transferSafeguard", "noticeEmail" FROM "Recipient" WHERE key = $1`,
    [key],
  );
  expect(saved.rows).toEqual([
    { transferSafeguard: "STANDARD_CLAUSES", noticeEmail: `privacy@${key}.example.com` },
  ]);

  const written = await audits("config.recipient.create", key);
  expect(written).toHaveLength(1);
  expect(JSON.stringify(written[0]!.data)).not.toContain(nameJa);

  // The action flushed the public page's cache tag: the recipient is listed with its country.
  await expect
    .poll(
      async () => {
        await page.goto("/ja/privacy");
        return page.locator('tr[data-country="US"]', { hasText: nameJa }).count();
      },
      { timeout: 15_000 },
    )
    .toBe(1);
});

test("a manager sends a recipient's notices to its system: a signed webhook, its secret shown once", async ({
  page,
  signIn,
}, testInfo) => {
  await signIn("MANAGER");
  await page.goto("/ja/manager/settings/recipients");
  const key = `hooked-${short()}`;
  await page.getByLabel("キー（英小文字・数字・-・_）").fill(key);
  await page.getByLabel("名称（日本語）").fill(`通知先システム ${key}`);
  await page.getByLabel("名称（英語）").fill(`Hooked ${key}`);
  await page.getByLabel("第三者（グループ外）", { exact: true }).check();
  const hook = page.getByLabel("または通知先システムのURL（署名付きWebhook）");
  await hook.fill("http://partner.example.com/notices");
  await page.getByRole("button", { name: "保存する" }).click();
  await expect(page.locator("#recipient-noticeWebhookUrl-error")).toHaveText(
    "https のURLを入力してください（http は localhost のみ）",
  );
  await hook.fill("https://partner.example.com/notices");
  await page.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByText("保存しました。")).toBeVisible();

  await page.getByRole("link", { name: `編集: ${key}`, exact: true }).click();
  await expect(page.getByTestId("secret-status")).toHaveText("未発行");
  await expectNoAxeViolations(page);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "新しい秘密鍵を発行する" }).click();
  const shown = page.getByLabel("新しい秘密鍵");
  await expect(shown).toBeVisible();
  const secret = await shown.inputValue();
  expect(Buffer.from(secret, "base64url").length).toBe(32);
  // The page's status follows at once; the secret stays on screen until the page is left.
  await expect(page.getByTestId("secret-status")).toHaveText("発行済み");
  await expect(shown).toHaveValue(secret);
  await page.setViewportSize({ width: 375, height: 800 });
  // Polled: the save refreshes the page, and under load the check may land mid-render. Should it
  // fail, the message names what sticks out.
  await expect
    .poll(() =>
      page.evaluate(() =>
        document.documentElement.scrollWidth <= 375
          ? "fits"
          : [...document.querySelectorAll("body *")]
              .filter((e) => e.getBoundingClientRect().right > 376 && !e.closest("nav.sidebar"))
              .slice(0, 5)
              .map((e) => `${e.tagName.toLowerCase()}.${String(e.className)}`)
              .join(", "),
      ),
    )
    .toBe("fits");
  await page.screenshot({ path: testInfo.outputPath("recipient-webhook-375.png"), fullPage: true });
  const { rows } = await sql().query(
    `SELECT "noticeWebhookUrl", "noticeWebhookSecret" FROM "Recipient" WHERE key = $1`,
    [key],
  );
  expect(rows[0]).toEqual({
    noticeWebhookUrl: "https://partner.example.com/notices",
    noticeWebhookSecret: secret,
  });
  const written = await audits("config.recipient.rotate-secret", key);
  expect(written).toHaveLength(1);
  expect(JSON.stringify(written[0]!.data)).not.toContain(secret);
  await page.reload();
  await expect(page.getByTestId("secret-status")).toHaveText("発行済み");
  expect(await page.content()).not.toContain(secret);
});

test("a manager adds an HTTP system and sees its new secret once", async ({ page, signIn }) => {
  await signIn("ADMIN");
  await page.goto("/ja/manager/settings/systems");
  await expectNoAxeViolations(page);

  const key = `partner-${short()}`;
  await page.getByLabel("キー（英小文字・数字・-・_）").fill(key);
  await page.getByLabel("名称（日本語）").fill("提携先システム");
  await page.getByLabel("名称（英語）").fill("Partner system");
  await page.getByLabel("HTTP連携（署名付き）").check();
  // Plain http is for a system on this machine only.
  await page.getByLabel("エンドポイントURL").fill("http://partner.example.com/dsar");
  await page.getByRole("button", { name: "保存する" }).click();
  await expect(
    page.getByText("https のURLを入力してください（http は localhost のみ）"),
  ).toBeVisible();
  await page.getByLabel("エンドポイントURL").fill("https://partner.example.com/dsar");
  await page.getByLabel("タイムアウト（ミリ秒）").fill("5000");
  await page.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByText("保存しました。")).toBeVisible();

  await page.getByRole("link", { name: `編集: ${key}`, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("提携先システム");
  await expect(page.getByTestId("secret-status")).toContainText("未設定");
  await expectNoAxeViolations(page);

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "新しい秘密鍵を発行する" }).click();
  const shown = page.getByLabel("新しい秘密鍵");
  await expect(shown).toBeVisible();
  const secret = await shown.inputValue();
  expect(Buffer.from(secret, "base64url").length).toBeGreaterThanOrEqual(32);
  await expectNoAxeViolations(page);

  const { rows } = await sql().query(`SELECT secret, config FROM "DataSystem" WHERE key = $1`, [
    key,
  ]);
  expect(rows[0]).toMatchObject({
    secret,
    config: { endpoint: "https://partner.example.com/dsar", timeoutMs: 5000 },
  });
  const written = await audits("config.system.rotate-secret", key);
  expect(written).toHaveLength(1);
  expect(JSON.stringify(written[0]!.data)).not.toContain(secret);

  // Once: a reload shows that a secret is set, never the secret itself.
  await page.reload();
  await expect(page.getByTestId("secret-status")).toContainText("設定済み");
  await expect(page.getByTestId("new-secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
  expect(page.url()).not.toContain(secret);

  // The data map: which categories this system holds for a purpose (SystemCategoryPurpose).
  const uses = page.locator("section[aria-labelledby=uses-title]");
  await uses
    .getByRole("group", { name: "サービスの運営およびそれに伴うやりとり・情報提供" })
    .getByLabel("氏名", { exact: true })
    .check();
  await uses.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByText("保有項目を保存しました。")).toBeVisible();
  const { rows: held } = await sql().query(
    `SELECT c.key AS category, p.key AS purpose FROM "SystemCategoryPurpose" u
     JOIN "DataSystem" s ON s.id = u."systemId" JOIN "DataCategory" c ON c.id = u."categoryId"
     JOIN "Purpose" p ON p.id = u."purposeId" WHERE s.key = $1`,
    [key],
  );
  expect(held).toEqual([{ category: "name", purpose: "service_operation" }]);
});

test("a category in use cannot be deleted, with the reason shown", async ({ page, signIn }) => {
  await signIn("MANAGER");
  await page.goto("/ja/manager/settings/categories");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "編集: name", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("氏名");
  await expectNoAxeViolations(page);

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "削除する" }).click();
  await expect(
    page.getByText("参照しているデータがあるため削除できません", { exact: false }),
  ).toBeVisible();
  const { rows } = await sql().query(
    `SELECT count(*)::int AS n FROM "DataCategory" WHERE key = 'name'`,
  );
  expect(rows[0].n).toBe(1);

  await page.goto("/en/manager/settings/purposes");
  await expect(page.getByRole("heading", { level: 1, name: "Purposes of use" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a manager names a system's new field and the person sees the name, never the key", async ({
  page,
  signIn,
  signInElsewhere,
  baseURL,
}) => {
  const key = `loyaltyTier${short()}`;
  const { page: subject, person } = await signInElsewhere("SUBJECT", { withSubject: true });
  await insertItem({
    subjectId: person.subjectId!,
    system: "points",
    category: "points_balance",
    field: key,
    value: "ゴールド会員",
  });
  // Until it is named, the person sees its category's name.
  await subject.goto(`${baseURL}/ja/me/data`);
  const row = subject.locator("ul.data-items li", { hasText: "ゴールド会員" });
  await expect(row.locator(".item-label")).toHaveText("ポイント残高・利用履歴");
  await expect(subject.locator("main")).not.toContainText(key);

  await signIn("MANAGER");
  await page.goto("/ja/manager/settings");
  await expect(page.getByTestId("unnamed-fields")).toBeVisible();
  const { rows } = await sql().query<{ id: string }>(
    `SELECT id FROM "DataSystem" WHERE key = 'points'`,
  );
  await page.goto(`/ja/manager/settings/systems/${rows[0]!.id}`);
  const form = page.getByTestId("fields-form");
  const field = form.locator(`tr[data-field="${key}"]`);
  await expect(field).toContainText("名称未設定");
  // One language alone is refused beside the field, by the same schema the server uses.
  await field.getByRole("textbox", { name: /表示名（日本語）/ }).fill("会員ランク");
  await form.getByRole("button", { name: "保存する" }).click();
  await expect(field.getByText("入力してください")).toBeVisible();
  await field.getByRole("textbox", { name: /表示名（英語）/ }).fill("Membership tier");
  await form.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByTestId("toast")).toContainText("項目の名称を保存しました。");
  await expectNoAxeViolations(page);
  expect((await audits("config.system.set-fields", "points")).length).toBeGreaterThan(0);

  await subject.goto(`${baseURL}/ja/me/data`);
  await expect(row.locator(".item-label")).toHaveText("会員ランク");
  await subject.goto(`${baseURL}/en/me/data`);
  await expect(
    subject.locator("ul.data-items li", { hasText: "ゴールド会員" }).locator(".item-label"),
  ).toHaveText("Membership tier");
  // Leave the demo data map as it was for the specs that run beside this one.
  await sql().query(`DELETE FROM "DataField" WHERE key = $1`, [key]);
});

test("support staff get the Forbidden page on every data-map setting", async ({ page, signIn }) => {
  await signIn("STAFF");
  for (const path of ["systems", "categories", "purposes", "recipients"]) {
    await page.goto(`/ja/manager/settings/${path}`);
    await expect(page.getByRole("heading", { level: 1, name: "アクセスできません" })).toBeVisible();
    await expect(page.locator("table")).toHaveCount(0);
    await expect(page.getByLabel("名称（日本語）")).toHaveCount(0);
  }
});
