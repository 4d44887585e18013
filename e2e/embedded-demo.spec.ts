import { expect, test } from "@playwright/test";

import { forgetSignInLimit } from "./support/mail";

// What a newcomer gets from `npm start`: the Japanese landing page, the demo accounts, the mailbox.
test("the embedded demo greets in Japanese and names its accounts and mailbox", async ({
  page,
}) => {
  const response = await page.goto("/");
  expect(response?.ok()).toBe(true);
  await expect(page).toHaveURL(/\/ja$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("個人情報");
  await expect(page.getByText("hanako.sato@example.jp", { exact: false })).toBeVisible();
  await page.getByRole("link", { name: "開発用メールボックスを開く" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "開発用メールボックス" })).toBeVisible();
});

// The mailbox shows each mail as a mail program would (its HTML part, sandboxed) above its text;
// the HTML's button works as the mail's would: it signs the newcomer in.
test("the mailbox shows a mail's HTML part, whose button signs in", async ({ page }, testInfo) => {
  const email = "hanako.sato@example.jp";
  await forgetSignInLimit(testInfo, email);
  await page.goto("/ja/sign-in");
  await page.getByLabel("メールアドレス").fill(email);
  const since = Date.now();
  await page.getByRole("button", { name: "ログインリンクを送る" }).click();
  await expect(page).toHaveURL(/\/ja\/sign-in\/check-email/);
  await page.goto("/ja/dev/mailbox");
  const newest = page
    .locator("article")
    .filter({ has: page.getByTestId("mail-to").getByText(email, { exact: true }) })
    .first();
  await expect(newest.getByRole("heading", { level: 2 })).toContainText("ログイン");
  const frame = newest.locator("iframe.mail-html");
  await expect(frame).toHaveAttribute("sandbox", "allow-top-navigation-by-user-activation");
  expect(Date.now() - since).toBeLessThan(60_000);
  const html = frame.contentFrame();
  // Signed by the desk; a sign-in mail names nobody (whoever typed the address may not be them).
  await expect(html.getByText("個人情報保護窓口")).toBeVisible();
  await expect(html.getByText("佐藤 花子")).toHaveCount(0);
  await html.getByRole("link", { name: "ログインする" }).click();
  await expect(page).toHaveURL(/\/ja\/me/);
  await expect(
    page
      .getByRole("link", { name: "ログアウト" })
      .or(page.getByRole("button", { name: "ログアウト" })),
  ).toBeVisible();
});
