import { randomUUID } from "node:crypto";

import { expect, test, type Page } from "@playwright/test";

import { expectHumanText, fieldKeys, journeyDb, watchPage } from "./support/journey";
import { signInByEmail } from "./support/mail";

// The demo team, as `npm start` seeds it, keeps the law-enforcement register's four-eyes rule:
// one manager records a request from the police, naming the other manager as the approver, and
// the public transparency page counts it. On PostgreSQL and on the embedded default.

const MANAGER = "manager@example.jp";
const OTHER_MANAGER = "小林 直樹 (manager2@example.jp)";

/** This year's count on the public page for a basis (Japan time), or 0 when it shows none. */
async function publicCount(page: Page, year: number, basis: string) {
  await page.goto("/ja/privacy");
  const cell = page.locator(
    `section[aria-labelledby=law-enforcement] tr[data-year="${year}"] td[data-basis=${basis}]`,
  );
  if ((await cell.count()) === 0) return 0;
  return Number(await cell.textContent());
}

test("a manager records a police request approved by another manager, and the public page counts it", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const keys = await fieldKeys(testInfo);
  const watch = watchPage(page);
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
  const year = Number(today.slice(0, 4));
  const db = await journeyDb(testInfo);
  const registered = async () =>
    (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "LawEnforcementDisclosure" WHERE basis = 'OTHER_LAW'
           AND decision <> 'REFUSED'
           AND extract(year FROM "disclosedAt" AT TIME ZONE 'Asia/Tokyo') = $1`,
        [year],
      )
    ).rows[0]!.n;
  // The public page may still hold figures from before (it caches them for 5 minutes); once the
  // entry is recorded it must show the register's count at once.
  const before = await registered();

  await signInByEmail(page, testInfo, MANAGER);
  await page.goto("/ja/manager/law-enforcement");
  // The seeded register already shows two people on every entry.
  const register = page.getByTestId("le-register");
  await expect(register.locator("tbody tr").first()).toBeVisible();
  for (const row of await register.locator("tbody tr").all()) {
    const cells = await row.locator("td").allInnerTexts();
    expect(cells[4], "recorder").not.toBe(cells[5]);
  }
  await expectHumanText(page, keys);

  const authority = `神奈川県警察 ${randomUUID().slice(0, 6)}`;
  await page.getByLabel("その他の法令").check();
  await page.getByLabel("照会機関").fill(authority);
  await page.getByLabel("照会者（所属・官職・氏名）").fill("生活安全課 警部補 山口 健");
  await page.getByLabel("照会の範囲").fill("弁護士会照会（弁護士法23条の2）に基づく会員1名の氏名");
  await page.getByLabel("提供した", { exact: true }).check();
  // The approver list holds the other manager and the admin, never the recorder.
  const approver = page.getByLabel("承認者（記録者以外の管理者）");
  await expect(approver.locator("option", { hasText: "manager@example.jp)" })).toHaveCount(0);
  await approver.selectOption({ label: OTHER_MANAGER });
  await page.getByLabel("氏名", { exact: true }).check();
  await page.locator("#le-disclosedOn").fill(today);
  await page.getByRole("button", { name: "記録する", exact: true }).click();
  await expect(page.getByText("記録しました。")).toBeVisible();
  const row = register.locator("tbody tr").filter({ hasText: authority });
  await expect(row).toContainText("中村 恵");
  await expect(row).toContainText("小林 直樹");

  expect(await registered()).toBe(before + 1);
  await expect
    .poll(() => publicCount(page, year, "OTHER_LAW"), { timeout: 15_000 })
    .toBe(before + 1);
  await expectHumanText(page, keys);
  watch.expectClean();
});
