import AxeBuilder from "@axe-core/playwright";

import { identity } from "../lib/i18n/messages/sections/identity";
import { pngImage } from "../lib/identity/test-fixtures";

import { sql } from "./support/db";
import { expect, test } from "./support/fixtures";

// Which law applies (issue 14): the form asks where the person lives, the request answers to the
// organisation's law (APPI) and the residence's, staff see each clock with its reason, the
// earliest governing, and change the set with a reason.

async function fileAs(
  page: import("@playwright/test").Page,
  country: string,
  state?: string,
): Promise<string> {
  await page.goto("/ja/me/requests/new/disclosure");
  await page.getByLabel("国・地域").selectOption(country);
  if (state) await page.getByLabel("州").selectOption(state);
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page).toHaveURL(/\/ja\/me\/requests\/R-\d{4}-\d{6}/);
  return /R-\d{4}-\d{6}/.exec(page.url())![0];
}

test("a resident of France is under APPI and the GDPR; staff see both clocks, APPI's governing", async ({
  page,
  signIn,
  signInElsewhere,
}) => {
  await signIn("SUBJECT", { withSubject: true });
  await page.goto("/ja/me/requests/new/disclosure");
  // Japan is the default for a person whose residence the organisation does not know.
  await expect(page.getByLabel("国・地域")).toHaveValue("JP");
  const reference = await fileAs(page, "FR");

  const staff = await signInElsewhere("STAFF");
  await staff.page.goto(`/ja/staff/requests/${reference}`);
  const panel = staff.page.getByTestId("jurisdictions");
  await expect(panel.getByText("フランス")).toBeVisible();
  const jp = panel.locator('tr[data-jurisdiction="JP"]');
  const eu = panel.locator('tr[data-jurisdiction="EU"]');
  await expect(jp).toContainText("当社の所在地");
  await expect(jp).toContainText("この期限に従う");
  await expect(eu).toContainText("本人の居住地");
  await expect(eu).not.toContainText("この期限に従う");
  // The GDPR's month is counted in Paris time and ends at midnight there; staff also see it in
  // Japan time. APPI's clock is Japan's own.
  const { rows } = await sql().query<{ receivedAt: Date }>(
    `SELECT "receivedAt" FROM "Request" WHERE reference = $1`,
    [reference],
  );
  const paris = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" });
  const received = paris.format(rows[0]!.receivedAt);
  const [y, m, d] = received.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const dueDay = new Date(Date.UTC(y, m, Math.min(d, lastDay)));
  const dueText = `${dueDay.getUTCFullYear()}年${dueDay.getUTCMonth() + 1}月${dueDay.getUTCDate()}日 23:59`;
  await expect(eu.getByTestId("local-due")).toContainText(dueText);
  await expect(eu.getByTestId("local-due")).toContainText(/GMT\+[12]/);
  await expect(eu.getByTestId("org-due")).toContainText("当社の時間（日本）");
  await expect(eu.getByTestId("org-due")).toContainText(/JST/);
  await expect(jp.getByTestId("local-due")).toContainText("23:59 JST");
  await expect(jp.getByTestId("org-due")).toHaveCount(0);
  expect(
    (await new AxeBuilder({ page: staff.page }).include("[data-testid=jurisdictions]").analyze())
      .violations,
  ).toEqual([]);

  // The next form starts from France.
  await page.goto("/ja/me/requests/new/purpose-notification");
  await expect(page.getByLabel("国・地域")).toHaveValue("FR");
});

test("the UK and California bring their own clocks; the US asks for the state", async ({
  page,
  signIn,
  signInElsewhere,
}) => {
  await signIn("SUBJECT", { withSubject: true });
  const uk = await fileAs(page, "GB");

  await page.goto("/ja/me/requests/new/disclosure");
  await page.getByLabel("国・地域").selectOption("US");
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page.locator("#residence-region-error")).toHaveText("州を選んでください");
  await page.getByLabel("州").selectOption("CA");
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page).toHaveURL(/\/ja\/me\/requests\/R-\d{4}-\d{6}/);
  const california = /R-\d{4}-\d{6}/.exec(page.url())![0];

  const staff = await signInElsewhere("STAFF");
  await staff.page.goto(`/ja/staff/requests/${uk}`);
  await expect(
    staff.page.getByTestId("jurisdictions").locator('tr[data-jurisdiction="UK"]'),
  ).toContainText("本人の居住地");
  await staff.page.goto(`/ja/staff/requests/${california}`);
  const ca = staff.page.getByTestId("jurisdictions").locator('tr[data-jurisdiction="US_CA"]');
  await expect(ca).toContainText("本人の居住地");
  await expect(ca).toContainText("受付通知の期限");
  const { rows } = await sql().query<{ jurisdictions: string }>(
    `SELECT array_to_string(jurisdictions, ',') AS jurisdictions FROM "Request" WHERE reference = ANY($1) ORDER BY reference`,
    [[uk, california]],
  );
  expect(rows.map((r) => r.jurisdictions)).toEqual(["JP,UK", "JP,US_CA"]);
});

test("staff change the applicable law with a reason, and the deadline follows", async ({
  page,
  signIn,
  signInElsewhere,
}) => {
  await signIn("SUBJECT", { withSubject: true });
  const reference = await fileAs(page, "JP");
  const staff = await signInElsewhere("STAFF");
  await staff.page.setViewportSize({ width: 375, height: 900 });
  await staff.page.goto(`/ja/staff/requests/${reference}`);
  const panel = staff.page.getByTestId("jurisdictions");
  await panel.getByText("適用される法域を変更する").click();
  const form = panel.getByRole("form", { name: "適用される法域を変更する" });
  await form.getByLabel("EU（GDPR）").check();
  await form.getByLabel("日本（個人情報保護法）").uncheck();
  await form.getByRole("button", { name: "変更する" }).click();
  await expect(form.getByText("変更の理由を入力してください")).toBeVisible();
  await form.getByLabel("変更の理由").fill("ドイツ在住と書面で確認");
  await form.getByRole("button", { name: "変更する" }).click();
  await expect(staff.page.getByTestId("toast")).toContainText(
    "法域を変更しました。期限を計算し直しました。",
  );
  const eu = panel.locator('tr[data-jurisdiction="EU"]');
  await expect(eu).toContainText("担当者が追加");
  await expect(eu).toContainText("この期限に従う");
  await expect(panel.locator('tr[data-jurisdiction="JP"]')).toHaveCount(0);
  const { rows } = await sql().query<{ days: number }>(
    `SELECT extract(day FROM "dueAt" - "receivedAt")::int AS days FROM "Request" WHERE reference = $1`,
    [reference],
  );
  expect(rows[0]!.days).toBeGreaterThanOrEqual(27);
  const audit = await sql().query(
    `SELECT 1 FROM "AuditEvent" a JOIN "Request" r ON r.id = a."requestId"
     WHERE r.reference = $1 AND a.action = 'request.jurisdictions'`,
    [reference],
  );
  expect(audit.rowCount).toBe(1);
});

test("a UK resident's month starts again when the identity asked for arrives", async ({
  page,
  signIn,
  signInElsewhere,
}) => {
  await signIn("SUBJECT", { withSubject: true });
  const reference = await fileAs(page, "GB");
  // Staff asked for identity documents (the transition is covered by the identity specs).
  await sql().query(`UPDATE "Request" SET status = 'AWAITING_IDENTITY' WHERE reference = $1`, [
    reference,
  ]);
  await page.goto(`/en/me/requests/${reference}`);
  const text = identity.en;
  const upload = page.getByRole("region", { name: text.title });
  await upload.getByLabel(text.upload.kindLabel).selectOption("DRIVERS_LICENSE");
  await upload
    .getByLabel(text.upload.fileLabel, { exact: true })
    .setInputFiles({ name: "licence.png", mimeType: "image/png", buffer: await pngImage() });
  await upload.getByRole("button", { name: text.upload.submit }).click();
  await expect(upload.getByRole("status")).toHaveText(text.upload.done);

  const { rows } = await sql().query<{ kind: string }>(
    `SELECT e.kind::text AS kind FROM "ClockEvent" e JOIN "Request" r ON r.id = e."requestId"
     WHERE r.reference = $1`,
    [reference],
  );
  expect(rows.map((r) => r.kind)).toEqual(["RESTART"]);
  const staff = await signInElsewhere("STAFF");
  for (const width of [1280, 375]) {
    await staff.page.setViewportSize({ width, height: 900 });
    await staff.page.goto(`/en/staff/requests/${reference}`);
    const uk = staff.page.getByTestId("jurisdictions").locator('tr[data-jurisdiction="UK"]');
    await expect(uk).toContainText("Counted again from the arrival of the identity asked for");
    await expect(uk.getByTestId("local-due")).toContainText(/GMT|BST/);
  }
});
