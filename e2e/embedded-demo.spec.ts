import { expect, test } from "@playwright/test";

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
