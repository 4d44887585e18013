import { randomBytes } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";

import { expect, test } from "./support/fixtures";
import { insertItem, sql } from "./support/db";
import { waitForMail } from "./support/mail";

// A correction from filing to the changed record: the subject files it for one of their items,
// staff verify identity (in English), the INTERNAL task applies it, the recipients that received
// the address are told (not law enforcement, not those that never had it): one with a notice
// address is mailed a link, opens it without an account and confirms; one without is told by
// other means and a manager closes its notice with a note; the person then sees who was told.

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

/** A recipient of this test's own, with a notice address (GDPR Art.19), so no other test mails it. */
async function recipientWithNoticeAddress(tag: string) {
  const key = `notice-partner-${tag}`;
  const email = `privacy-${tag}@notice-partner.example.jp`;
  await sql().query(
    `INSERT INTO "Recipient" (id, key, "nameJa", "nameEn", "recipientClass", "noticeEmail")
     VALUES (gen_random_uuid()::text, $1, $2, $3, 'THIRD_PARTY', $4)`,
    [key, `株式会社通知パートナー${tag}`, `Notice Partner ${tag} K.K.`, email],
  );
  return {
    key,
    email,
    nameJa: `株式会社通知パートナー${tag}`,
    nameEn: `Notice Partner ${tag} K.K.`,
  };
}

test("a correction is applied, a recipient confirms through its link and a manager closes the other", async ({
  page,
  signIn,
  signInElsewhere,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const since = new Date();
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
  const partner = await recipientWithNoticeAddress(tag);
  await provide(subjectId, partner.key, ["address", "name"]);
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

  // The notice to the partner goes out by mail; the group company has no notice address.
  const mail = await waitForMail({
    page,
    testInfo,
    to: partner.email,
    since,
    pattern: /\/ja\/notices\//,
  });
  expect(mail).toContain(`${partner.nameJa} ご担当者様`);
  expect(mail).not.toContain(after);
  const link = /https?:\/\/\S+\/ja\/notices\/[A-Za-z0-9_-]{43}/.exec(mail)![0];

  await staff.page.reload();
  const panel = staff.page.getByTestId("notices-panel");
  await expect(panel.getByRole("heading", { name: "Onward notices to recipients" })).toBeVisible();
  const rows = panel.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: partner.nameEn })).toContainText(`Sent to ${partner.email}`);
  await expect(rows.filter({ hasText: "Sakura Link Travel Inc." })).toContainText(
    "No notice address (tell them another way)",
  );
  await expect(panel).not.toContainText("Sakuratei");
  await expect(panel).not.toContainText("Police");
  await expect(panel.getByRole("status")).toHaveText("2 waiting for confirmation.");
  // Closing a notice is a manager's call.
  await expect(panel.getByRole("button", { name: "Close notice" })).toHaveCount(0);
  const results = await new AxeBuilder({ page: staff.page })
    .include('[data-testid="notices-panel"]')
    .analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);

  // ── The recipient opens its link, with no account, on a phone.
  const outside = await browser.newContext({ baseURL, viewport: { width: 375, height: 800 } });
  const recipient = await outside.newPage();
  await recipient.goto(new URL(link).pathname);
  await expect(
    recipient.getByRole("heading", { name: "提供した個人データについてのお知らせ" }),
  ).toBeVisible();
  const facts = recipient.getByTestId("notice-facts");
  await expect(facts).toContainText("訂正");
  await expect(facts).toContainText("試験 太郎");
  await expect(facts).toContainText("住所");
  await expect(recipient.getByRole("region", { name: "訂正後の内容" })).toContainText(
    `訂正: 住所 — ${after}`,
  );
  const overflow = await recipient.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
  const axe = await new AxeBuilder({ page: recipient }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await recipient.screenshot({ path: testInfo.outputPath("notice-375.png"), fullPage: true });
  await recipient.getByRole("button", { name: "反映したことを確認しました" }).click();
  await expect(recipient.getByRole("main").getByRole("status")).toContainText(
    "確認をいただきました",
  );
  // A link that is not one of ours opens nothing.
  await recipient.goto(`/ja/notices/${"A".repeat(43)}`);
  await expect(recipient.getByText(/^このリンクは無効か/)).toHaveAttribute("role", "alert");
  await outside.close();

  await staff.page.reload();
  await expect(rows.filter({ hasText: partner.nameEn })).toContainText(
    "Confirmed by the recipient through its link",
  );
  await expect(panel.getByRole("status")).toHaveText("1 waiting for confirmation.");

  // ── A manager closes the group company's notice, told by telephone.
  const manager = await signInElsewhere("MANAGER");
  await manager.page.goto(`/en/staff/requests/${reference}`);
  const managed = manager.page.getByTestId("notices-panel");
  await managed
    .getByLabel("Recipient", { exact: true })
    .selectOption({ label: "Sakura Link Travel Inc. — Correction" });
  await managed.getByLabel(/How the recipient was told/).fill("Told their DPO by telephone");
  await managed.getByRole("button", { name: "Close notice" }).click();
  // Closing the last open notice settles them all; the form leaves with it (its own "closed"
  // line may vanish with the refresh, so the status says it).
  await expect(managed.getByRole("status")).toHaveText("Every notice is settled.");
  await expect(managed.locator("tbody tr").filter({ hasText: "Sakura Link Travel" })).toContainText(
    "Told their DPO by telephone",
  );
  const notices = (
    await sql().query<{ key: string; confirmed: boolean; closed: boolean }>(
      `SELECT rc.key, n."confirmedAt" IS NOT NULL AS confirmed, n."closedAt" IS NOT NULL AS closed
       FROM "RecipientNotice" n
       JOIN "Recipient" rc ON rc.id = n."recipientId" JOIN "Request" r ON r.id = n."requestId"
       WHERE r.reference = $1 ORDER BY rc.key`,
      [reference],
    )
  ).rows;
  expect(notices).toEqual([
    { key: "group-travel", confirmed: false, closed: true },
    { key: partner.key, confirmed: true, closed: false },
  ]);

  // ── Staff complete the request; the person sees which recipient was told and that it confirmed.
  const decision = staff.page.getByTestId("decision-panel");
  await decision.getByLabel("Answer to the requester").fill("Your address is corrected.");
  await decision.getByRole("button", { name: "Complete" }).click();
  await expect(staff.page.getByTestId("status")).toHaveText("Completed");
  await page.goto(`/ja/me/requests/${reference}`);
  await expect(page.getByTestId("told-recipients")).toHaveText(
    `${partner.nameJa} — 反映を確認済み`,
  );
});
