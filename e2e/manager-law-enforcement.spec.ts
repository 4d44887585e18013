import AxeBuilder from "@axe-core/playwright";
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";

import { expect, test } from "./support/fixtures";
import { createUser, sql } from "./support/db";

// A manager records a law-enforcement request in the register; the public transparency page's
// yearly count for that basis goes up by one at once (the action flushes the page's cache tag).
// Each locale's test uses its own basis, so the two can run in parallel.

const cases = [
  {
    locale: "ja",
    basis: "OTHER_LAW",
    basisLabel: "その他の法令",
    decisionLabel: "一部を提供した",
    submit: "記録する",
    saved: "記録しました。",
    required: "入力してください",
    chooseBasis: "法的根拠を選んでください",
    labels: {
      authority: "照会機関",
      officer: "照会者（所属・官職・氏名）",
      scope: "照会の範囲",
      approver: "承認者（記録者以外の管理者）",
      item: "氏名",
    },
  },
  {
    locale: "en",
    basis: "INQUIRY",
    basisLabel: "Written inquiry (Code of Criminal Procedure Art.197(2))",
    decisionLabel: "Partly disclosed",
    submit: "Record",
    saved: "Recorded.",
    required: "Enter a value",
    chooseBasis: "Choose the legal basis",
    labels: {
      authority: "Issuing authority",
      officer: "Issuing officer (unit, rank, name)",
      scope: "Scope of the request",
      approver: "Approver (a manager other than you)",
      item: null,
    },
  },
] as const;

/**
 * A past year of its own for each run: the public page's cache lives in the build folder and
 * outlives the e2e database, so a year another run (within the cache's 5 minutes) also wrote to
 * could make a missing flush look right. Runs 10 s apart get different years; a cycle is 1000 s.
 */
const runYear = () => 1900 + (Math.floor(Date.now() / 10_000) % 100);

async function publicCount(page: Page, locale: string, year: number, basis: string) {
  await page.goto(`/${locale}/privacy`);
  const cell = page.locator(
    `section[aria-labelledby=law-enforcement] tr[data-year="${year}"] td[data-basis=${basis}]`,
  );
  if ((await cell.count()) === 0) return 0;
  return Number(await cell.textContent());
}

/** A Japan-time year's entries for a basis, straight from the table. */
async function registerCount(year: number, basis: string) {
  const { rows } = await sql().query(
    `SELECT count(*)::int AS n FROM "LawEnforcementDisclosure"
     WHERE basis::text = $1 AND extract(year FROM "disclosedAt" AT TIME ZONE 'Asia/Tokyo') = $2`,
    [basis, year],
  );
  return rows[0].n as number;
}

for (const c of cases) {
  test(`a manager records a law-enforcement request and the public count moves (${c.locale})`, async ({
    page,
    signIn,
  }) => {
    const approver = await createUser("MANAGER");
    const subject = await createUser("SUBJECT", { withSubject: true });
    // Open the public page first, so its 5-minute cache holds the figures from before the entry.
    const year = runYear();
    const before = await registerCount(year, c.basis);
    expect(await publicCount(page, c.locale, year, c.basis)).toBe(before);

    await signIn("MANAGER");
    await page.goto(`/${c.locale}/manager/law-enforcement`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    // An empty submit shows the shared schema's field errors, translated, and records nothing.
    await page.getByRole("button", { name: c.submit, exact: true }).click();
    await expect(page.getByText(c.chooseBasis)).toBeVisible();
    await expect(page.getByText(c.required).first()).toBeVisible();
    await expect(page.getByLabel(c.labels.authority)).toHaveAttribute("aria-invalid", "true");

    const authority = `Authority ${randomUUID().slice(0, 8)}`;
    await page.getByLabel(c.basisLabel).check();
    await page.getByLabel(c.labels.authority).fill(authority);
    await page.getByLabel(c.labels.officer).fill("Inspector Test");
    await page.getByLabel(c.labels.scope).fill("Name of one member named in the inquiry");
    await page.getByLabel(c.decisionLabel).check();
    await page.getByLabel(c.labels.approver).selectOption(approver.id);
    if (c.labels.item) await page.getByLabel(c.labels.item, { exact: true }).check();
    else await page.locator('input[name="items"]').first().check();
    await page.locator("#le-subjectEmail").fill(subject.email);
    await page.locator("#le-disclosedOn").fill(`${year}-06-15`);
    await page.getByRole("button", { name: c.submit, exact: true }).click();
    await expect(page.getByText(c.saved)).toBeVisible();

    // The list shows it, newest first, with the approver and the decision.
    const row = page.getByTestId("le-register").locator("tbody tr").filter({ hasText: authority });
    await expect(row).toContainText(c.basisLabel);
    await expect(row).toContainText(c.decisionLabel);
    await expect(row).toContainText("テスト MANAGER"); // the approver's name (support/db.ts)

    const { rows } = await sql().query(
      `SELECT d.id, d."subjectId", d."approverId", d.decision, d.note,
              (SELECT count(*)::int FROM "AuditEvent" a WHERE a."entityId" = d.id
                 AND a.action = 'law-enforcement.record') AS audits
       FROM "LawEnforcementDisclosure" d
       WHERE d.authority = $1`,
      [authority],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      approverId: approver.id,
      subjectId: subject.subjectId,
      decision: "PARTIAL",
      note: "",
      audits: 1,
    });

    // The public page counts it at once (the action flushed the page's cache tag, which would
    // otherwise hold the old figures for 5 minutes): one more than the register held before.
    expect(await registerCount(year, c.basis)).toBe(before + 1);
    await expect
      .poll(() => publicCount(page, c.locale, year, c.basis), { timeout: 15_000 })
      .toBe(before + 1);
  });
}

test("support staff cannot open the register", async ({ page, signIn }) => {
  await signIn("STAFF");
  await page.goto("/ja/manager/law-enforcement");
  await expect(page.getByRole("heading", { level: 1, name: "アクセスできません" })).toBeVisible();
  await expect(page.getByTestId("le-register")).toHaveCount(0);
  await expect(page.locator("#le-authority")).toHaveCount(0);
});
