import { readFileSync } from "node:fs";

import { expect, test, type Page, type TestInfo } from "@playwright/test";

import { OPEN_STATUSES } from "../lib/requests/lifecycle";
import { expectHumanText, fieldKeys, journeyDb, watchPage } from "./support/journey";
import { signInByEmail } from "./support/mail";

// The other five request types as their people walk them, in English, on PostgreSQL and on the
// embedded default: 鈴木 一郎 files each; a member of the support team verifies him and answers
// each through the systems the request reaches (portal, HTTP and hand-worked); he reads every
// outcome and opens the files he receives. No page shows a raw key, an error or a failed call.

const SUBJECT = "ichiro.suzuki@example.jp";
const STAFF = "staff2@example.jp";
const REF = /\/en\/me\/requests\/(R-\d{4}-\d{6})/;

async function submit(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(REF);
  return REF.exec(page.url())![1]!;
}

/** Staff verify the requester, finish every task (by hand where the system is manual) and complete. */
async function answer(staff: Page, reference: string, note: string, keys: readonly string[]) {
  await staff.goto(`/en/staff/requests/${reference}`);
  await staff.getByLabel(/^The data subject's ID/).check();
  await staff.getByRole("button", { name: "Record identity as verified" }).click();
  await expect(staff.getByTestId("status")).toHaveText("In progress");
  const manual = staff.getByRole("region", { name: /^Manual: / });
  await expect(async () => {
    await staff.reload();
    // Automatic tasks settle by themselves (an automatic task still "Pending" has not run yet,
    // and completing would be refused while it is open); manual ones wait for a person.
    const tasks = await staff.locator('tr[data-testid^="task-"]').evaluateAll((rows) =>
      rows.map((row) => ({
        manual: row.querySelector('[data-testid="task-connector"]')?.textContent === "Manual",
        status: row.querySelector('[data-testid="task-status"]')?.textContent?.trim(),
      })),
    );
    for (const task of tasks)
      expect(task.manual ? ["Succeeded", "Pending"] : ["Succeeded"]).toContain(task.status);
  }).toPass({ timeout: 60_000 });
  for (let left = await manual.count(); left > 0; left--) {
    const task = manual.first();
    await task.getByRole("button", { name: "Take this task" }).click();
    await expect(task.getByRole("checkbox").first()).toBeVisible();
    for (const box of await task.getByRole("checkbox").all()) await box.check();
    await task.getByLabel(/^Completion note/).fill("Done in the system by hand.");
    await task.getByRole("button", { name: "Mark done" }).click();
    await expect(manual).toHaveCount(left - 1);
  }
  await expectHumanText(staff, keys);
  const decision = staff.getByTestId("decision-panel");
  await decision.getByLabel("Answer to the requester").fill(note);
  await decision.getByRole("button", { name: "Complete" }).click();
  await expect(staff.getByTestId("status")).toHaveText("Completed");
}

const PHONES = ["080-3141-5926", "080-2718-2818"] as const;

/**
 * On a retry, what the failed attempt left behind: its open requests he withdraws, as he would
 * (an open correction keeps its item out of the form); a correction it completed changed his
 * phone number, so the number to correct to is whichever of the two he does not have now.
 */
async function afterFailedAttempt(page: Page, testInfo: TestInfo) {
  const db = await journeyDb(testInfo);
  const { rows } = await db.query<{ reference: string }>(
    `SELECT r.reference FROM "Request" r JOIN "User" u ON u.id = r."filedById"
     WHERE u.email = $1 AND r.status::text = ANY($2)`,
    [SUBJECT, [...OPEN_STATUSES]],
  );
  for (const { reference } of rows) {
    await page.goto(`/en/me/requests/${reference}`);
    await page.getByRole("button", { name: "Withdraw" }).click();
    const dialog = page.getByRole("dialog", { name: `Withdraw ${reference}?` });
    await dialog.getByRole("button", { name: "Withdraw" }).click();
    await expect(page.getByTestId("status")).toHaveText("Withdrawn");
  }
}

test("each other request type is filed in English, answered by staff and read back", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(300_000);
  const keys = await fieldKeys(testInfo);
  const subject = watchPage(page);
  await signInByEmail(page, testInfo, SUBJECT, "en");
  if (testInfo.retry > 0) await afterFailedAttempt(page, testInfo);

  // Provision records, as CSV.
  await page.goto("/en/me/requests/new/provision-records");
  await page.getByLabel("Format").selectOption("CSV");
  const records = await submit(page);

  // The purposes of use, by email.
  await page.goto("/en/me/requests/new/purpose-notification");
  await page.getByLabel("How we answer").selectOption("EMAIL");
  const purposes = await submit(page);

  // A correction of a known item, picked by its label, never its key.
  await page.goto("/en/me/requests/new/correction");
  const target = page.getByLabel("Item", { exact: true });
  const phone = target.locator("option", { hasText: "Phone number (Member accounts)" });
  await expect(phone).toHaveCount(1);
  const label = (await phone.textContent())!.trim();
  const [before, after] = label.endsWith(PHONES[0]) ? PHONES : [PHONES[1], PHONES[0]];
  expect(label).toBe(`Phone number (Member accounts): ${before}`);
  await target.selectOption({ label });
  await page.getByLabel("Correct content").fill(after);
  await page.getByLabel("Reason", { exact: true }).fill("I changed my number.");
  await expectHumanText(page, keys);
  const correction = await submit(page);
  await expect(page.getByTestId("request-details")).toContainText(
    "Correct: Phone number (Member accounts)",
  );

  // Stop a use; the one the law requires is greyed out and says why.
  await page.goto("/en/me/requests/new/suspension-erasure");
  const fixed = page.getByLabel(/Fraud prevention and security/);
  await expect(fixed).toBeDisabled();
  await expect(fixed).toHaveAccessibleDescription(/Installment Sales Act/);
  await page.getByLabel("Proposals, information and advertising").check();
  const suspension = await submit(page);

  // Stop provision to every recipient abroad, because it was provided without consent
  // (APPI Art.35(3)).
  await page.goto("/en/me/requests/new/stop-provision");
  await page.getByLabel("Third party abroad", { exact: true }).check();
  await page.getByLabel("Ground", { exact: true }).selectOption("PROVIDED_WITHOUT_CONSENT");
  const stop = await submit(page);
  await expect(page.getByTestId("request-details")).toContainText(
    "Provided to a third party (including one abroad) without my consent",
  );

  // ── A member of the support team answers each.
  const staffContext = await browser.newContext({ baseURL });
  const staff = await staffContext.newPage();
  const staffWatch = watchPage(staff);
  await signInByEmail(staff, testInfo, STAFF, "en");
  await staff.goto("/en/staff");
  // The queue is shared with the rest of the suite, and busy: staff look the person up.
  await staff.getByLabel("Reference, or the person's name, kana or email").fill(SUBJECT);
  await staff.getByRole("button", { name: "Search", exact: true }).click();
  for (const reference of [records, purposes, correction, suspension, stop])
    await expect(staff.getByTestId(`queue-row-${reference}`)).toBeVisible();
  await answer(staff, records, "Here are the records of provision.", keys);
  await answer(staff, purposes, "Here are the purposes of use.", keys);
  await answer(staff, correction, "Your phone number is corrected.", keys);
  await answer(staff, suspension, "We stopped using your data for advertising.", keys);
  await answer(staff, stop, "We stopped providing your data abroad.", keys);
  staffWatch.expectClean();
  await staffContext.close();

  // ── He reads every outcome and opens what he received.
  for (const reference of [records, purposes, correction, suspension, stop]) {
    await page.goto(`/en/me/requests/${reference}`);
    await expect(page.getByTestId("status")).toHaveText("Completed");
    await expect(page.getByTestId("outcome")).toHaveText("Fulfilled");
    await expectHumanText(page, keys);
  }
  await page.goto(`/en/me/requests/${correction}`);
  const changes = page.getByTestId("request-changes");
  await expect(changes).toContainText("Phone number");
  await expect(changes).toContainText(before);
  await expect(changes).toContainText(after);

  await page.goto(`/en/me/requests/${records}`);
  const started = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download as CSV" }).click();
  const csv = readFileSync(await (await started).path(), "utf8");
  const lines = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe(
    "Date provided,Last provided,Recipient,Recipient class,Items provided,Purpose,Legal basis,Consent reference,Scene,Country,Country's data-protection system,Recipient's measures,Recipient's address (opt-out),Recipient's representative (opt-out)",
  );
  expect(lines.length).toBeGreaterThan(1);
  // The Art.30 records of data received about him follow under their own title (APPI Art.33(5)).
  const receipts = lines.indexOf("Data received from third parties (Art. 30)");
  expect(receipts).toBeGreaterThan(1);
  expect(lines[receipts + 1]).toBe(
    "Received,Provided by,Provider's address,Provider's representative,How the provider obtained it,Items received,Legal basis",
  );
  expect(lines[receipts + 2]).toContain("株式会社キャリアリンク");
  expect(lines[receipts + 2]).toContain("Job applications and work history");
  // Labels in his language, never the codes behind them.
  expect(csv).not.toMatch(/\b(THIRD_PARTY|FOREIGN_THIRD_PARTY|CONSENT|OPT_OUT|USER_APPLICATION)\b/);
  expect(csv).not.toMatch(/\breservation_history\b/);
  subject.expectClean();
});
