import { randomBytes } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";

import { expect, test } from "./support/fixtures";
import { insertItem, sql } from "./support/db";

// A correction from filing to the changed record: the subject files it for one of their items,
// staff verify identity (in English), the INTERNAL task applies it, the recipients that received
// the address are told (not law enforcement, not those that never had it), and staff record one
// recipient's confirmation.

const REF = /\/me\/requests\/(R-\d{4}-\d{6})/;

/** A ledger entry: the recipient received these categories of the subject from `members`. */
async function provide(subjectId: string, recipient: string, items: string[]) {
  await sql().query(
    `INSERT INTO "ProvisionRecord" (id, "subjectId", "recipientId", "purposeId", "sourceSystemId", "providedAt", items, "legalBasis", "keepUntil")
     SELECT gen_random_uuid()::text, $1, r.id, p.id, s.id, now() - interval '20 days', $2, 'CONSENT', now() + interval '3 years'
     FROM "Recipient" r, "Purpose" p, "DataSystem" s
     WHERE r.key = $3 AND p.key = 'third_party_provision' AND s.key = 'members'`,
    [subjectId, items, recipient],
  );
}

const one = async <T>(text: string, values: unknown[]): Promise<T | undefined> =>
  (await sql().query(text, values)).rows[0] as T | undefined;

test("a correction is applied, recipients are told, and staff record a confirmation", async ({
  page,
  signIn,
  signInElsewhere,
}) => {
  const me = await signIn("SUBJECT", { withSubject: true });
  const subjectId = me.subjectId!;
  const tag = randomBytes(3).toString("hex");
  const before = `東京都港区1-${tag}`;
  const after = `東京都港区2-${tag}`;
  await insertItem({
    subjectId,
    system: "members",
    category: "address",
    field: "住所",
    value: before,
  });
  const item = await one<{ id: string }>(
    `SELECT id FROM "PersonalDataItem" WHERE "subjectId" = $1 AND value = $2`,
    [subjectId, before],
  );
  await provide(subjectId, "points-connect", ["address", "name"]);
  await provide(subjectId, "group-travel", ["address"]);
  await provide(subjectId, "hotel-sakuratei", ["reservation_history"]);
  await provide(subjectId, "police-tokyo", ["address"]);

  await page.goto("/ja/me/requests/new/correction");
  await page.getByLabel("対象の項目").selectOption({ label: `住所（会員基盤）: ${before}` });
  await page.getByLabel("正しい内容").fill(after);
  await page.getByLabel("理由", { exact: true }).fill("転居したため");
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page).toHaveURL(REF);
  const reference = REF.exec(page.url())![1]!;

  const staff = await signInElsewhere("STAFF");
  await staff.page.goto(`/en/staff/requests/${reference}`);
  await staff.page.getByLabel(/The data subject's ID/).check();
  await staff.page.getByRole("button", { name: "Record identity as verified" }).click();

  // The engine's job runs the task against the portal's own records.
  await expect
    .poll(
      async () =>
        (
          await one<{ status: string }>(
            `SELECT t.status FROM "FulfilmentTask" t JOIN "Request" r ON r.id = t."requestId" WHERE r.reference = $1`,
            [reference],
          )
        )?.status,
      { timeout: 30_000 },
    )
    .toBe("SUCCEEDED");
  const row = await one<{ value: string; erasedAt: Date | null }>(
    `SELECT value, "erasedAt" FROM "PersonalDataItem" WHERE id = $1`,
    [item!.id],
  );
  expect(row).toEqual({ value: after, erasedAt: null });

  await staff.page.reload();
  const panel = staff.page.getByTestId("notices-panel");
  await expect(panel.getByRole("heading", { name: "Onward notices to recipients" })).toBeVisible();
  const rows = panel.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(panel).toContainText("Point Connect Co., Ltd.");
  await expect(panel).toContainText("Sakura Link Travel Inc.");
  await expect(panel).not.toContainText("Sakuratei");
  await expect(panel).not.toContainText("Police");
  await expect(panel.getByRole("status")).toHaveText("2 waiting for confirmation.");

  const results = await new AxeBuilder({ page: staff.page })
    .include('[data-testid="notices-panel"]')
    .analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);

  await panel
    .getByLabel("Recipient", { exact: true })
    .selectOption({ label: "Point Connect Co., Ltd. — Correction" });
  await panel.getByLabel(/How the recipient confirmed/).fill("Reply by email from their DPO");
  await panel.getByRole("button", { name: "Mark confirmed" }).click();
  await expect(panel.getByText("Confirmation recorded.")).toBeVisible();
  await expect(panel.getByRole("status")).toHaveText("1 waiting for confirmation.");
  await expect(rows.filter({ hasText: "Point Connect" })).toContainText(
    "Reply by email from their DPO",
  );
  const notices = (
    await sql().query<{ key: string; confirmed: boolean }>(
      `SELECT rc.key, n."confirmedAt" IS NOT NULL AS confirmed FROM "RecipientNotice" n
       JOIN "Recipient" rc ON rc.id = n."recipientId" JOIN "Request" r ON r.id = n."requestId"
       WHERE r.reference = $1 ORDER BY rc.key`,
      [reference],
    )
  ).rows;
  expect(notices).toEqual([
    { key: "group-travel", confirmed: false },
    { key: "points-connect", confirmed: true },
  ]);

  // The confirmed notice leaves the form; the panel stays axe-clean with it.
  const after2 = await new AxeBuilder({ page: staff.page })
    .include('[data-testid="notices-panel"]')
    .analyze();
  expect(after2.violations.map((v) => v.id)).toEqual([]);
});
