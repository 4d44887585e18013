import { expect, test } from "./support/fixtures";
import { sql } from "./support/db";

test("a manager sets the JP internal deadline, with range errors from the shared schema", async ({
  page,
  signIn,
}) => {
  await signIn("MANAGER");
  await page.goto("/ja/manager");
  await expect(page.getByTestId("open-count")).toBeVisible();
  // The form loads when asked for, and its field takes the focus.
  await page.getByRole("button", { name: "変更する" }).click();
  const input = page.getByLabel("受付からの日数（暦日）");
  await expect(input).toBeFocused();
  await input.fill("30");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("1〜14日の範囲で入力してください")).toBeVisible();
  await input.fill("10");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("toast")).toContainText("保存しました。");
  const { rows } = await sql().query(
    `SELECT amount FROM "DeadlinePolicy" WHERE jurisdiction = 'JP' AND "requestType" IS NULL`,
  );
  expect(rows[0].amount).toBe(10);
  const audit = await sql().query(
    `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'policy.update'`,
  );
  expect(audit.rows[0].n).toBeGreaterThan(0);
});
