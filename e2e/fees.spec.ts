import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { sql } from "./support/db";
import { expect, test } from "./support/fixtures";
import { waitForMail } from "./support/mail";
import { expectTranslated } from "./support/staff";

// A fee the law allows (issue 14): staff ask a UK resident for a reasonable fee for further
// copies; the request waits and the requester reads the amount and how to pay; staff record the
// payment on the day it arrived and the UK's month (and APPI's ten days) start again from it.

async function expectNoViolations(page: Page, selector: string) {
  await expectTranslated(page);
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

/** No part of the page is wider than the screen. */
async function expectNoOverflow(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
}

test("a UK resident is asked for a fee; the clock starts again on the day it arrives", async ({
  page,
  signIn,
  signInElsewhere,
}, testInfo) => {
  const subject = await signIn("SUBJECT", { withSubject: true });
  await page.goto("/ja/me/requests/new/disclosure");
  await page.getByLabel("国・地域").selectOption("GB");
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page).toHaveURL(/\/ja\/me\/requests\/R-\d{4}-\d{6}/);
  const reference = /R-\d{4}-\d{6}/.exec(page.url())![0];
  // Identity is verified (the identity review has its own specs); received ten days ago.
  await sql().query(
    `UPDATE "Request" SET status = 'IN_PROGRESS', "identityVerifiedAt" = now(),
       "receivedAt" = now() - interval '10 days' WHERE reference = $1`,
    [reference],
  );

  const staff = await signInElsewhere("STAFF");
  await staff.page.goto(`/ja/staff/requests/${reference}`);
  const panel = staff.page.getByTestId("fee-panel");
  // APPI and the UK GDPR both apply: no published fee (the first copy is free), but the GDPR's
  // reasonable fees are offered, in pounds.
  const basis = panel.getByLabel("根拠");
  await expect(basis.locator("option")).toHaveText([
    /明らかに根拠がないか過剰な請求/,
    /2部目以降の写し/,
  ]);
  await basis.selectOption("FURTHER_COPIES");
  await expect(panel.getByLabel("通貨")).toHaveValue("GBP");
  await panel.getByLabel("金額").fill("10.005");
  await panel.getByRole("button", { name: "手数料を求める" }).click();
  await expect(panel.locator("#fee-amount-error")).toHaveText(/金額を正しく入力/);
  await expect(panel.locator("#fee-instructions-error")).toBeVisible();
  await expectNoViolations(staff.page, "[data-testid=fee-panel]");
  await panel.screenshot({ path: testInfo.outputPath("staff-fee-ask-1280.png") });
  await panel.getByLabel("金額").fill("10");
  await panel
    .getByLabel("支払方法（請求者に表示されます）")
    .fill("Pay by bank transfer to\nSakura Link Ltd, sort code 00-00-00");
  const since = new Date();
  await panel.getByRole("button", { name: "手数料を求める" }).click();
  await expect(panel.getByRole("status")).toContainText("£10.00");
  expect(await statusOf(reference)).toBe("AWAITING_FEE");

  // The requester is mailed, and reads the amount and how to pay first on the status page.
  const mail = await waitForMail({
    page,
    testInfo,
    to: subject.email,
    since,
    pattern: /手数料の支払待ち/,
  });
  expect(mail).toContain(reference);
  await page.goto(`/ja/me/requests/${reference}`);
  const notice = page.getByTestId("fee-notice");
  await expect(
    notice.getByRole("heading", { name: "手数料のお支払いをお願いします" }),
  ).toBeVisible();
  await expect(notice).toContainText("£10.00");
  await expect(notice).toContainText("sort code 00-00-00");
  await expect(page.getByText("手数料の支払待ち").first()).toBeVisible();
  await expect(page.getByTestId("status-tracker").locator('[aria-current="step"]')).toContainText(
    "対応中",
  );
  await expectNoViolations(page, "[data-testid=fee-notice]");
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoOverflow(page);
  await page.screenshot({ path: testInfo.outputPath("requester-fee-375.png"), fullPage: true });

  // The payment arrived today: staff record it and the request resumes.
  await staff.page.setViewportSize({ width: 375, height: 900 });
  await staff.page.reload();
  await expectNoOverflow(staff.page);
  await panel.screenshot({ path: testInfo.outputPath("staff-fee-waiting-375.png") });
  // While the fee is awaited, the extension the UK allows can still be proposed.
  await expect(
    staff.page.getByTestId("extension-panel").getByTestId("extension-section"),
  ).toBeVisible();
  await panel.getByLabel("支払いを受け取った").check();
  await panel.getByRole("button", { name: "記録する" }).click();
  await expect(panel.getByText(/に受領/)).toBeVisible();
  expect(await statusOf(reference)).toBe("IN_PROGRESS");
  const uk = staff.page.getByTestId("jurisdictions").locator('tr[data-jurisdiction="UK"]');
  await expect(uk).toContainText("手数料の受領日");
  const { rows } = await sql().query<{ kind: string; days: number }>(
    `SELECT c.kind, extract(epoch FROM r."dueAt" - c.at) / 86400 AS days
       FROM "ClockEvent" c JOIN "Request" r ON r.id = c."requestId"
      WHERE r.reference = $1 ORDER BY c.at`,
    [reference],
  );
  expect(rows.map((r) => r.kind)).toEqual(["PAUSE", "FEE_RESTART"]);
  // APPI's ten days from the payment govern now (not ten days from the request, long past).
  expect(Number(rows[1]!.days)).toBeGreaterThan(9);

  await page.reload();
  await expect(page.getByTestId("fee-notice")).toHaveCount(0);
  await expect(page.getByText("手数料のお支払いを確認しました")).toBeVisible();
});

async function statusOf(reference: string): Promise<string | undefined> {
  const { rows } = await sql().query<{ status: string }>(
    `SELECT status FROM "Request" WHERE reference = $1`,
    [reference],
  );
  return rows[0]?.status;
}
