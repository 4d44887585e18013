import AxeBuilder from "@axe-core/playwright";

import { expect, test } from "./support/fixtures";
import { sql } from "./support/db";

// Issue 16: a browser's Global Privacy Control signal. The header (Sec-GPC: 1) on a signed-in
// person's page is honoured once, as restrictions on the advertising purpose and the ad platform
// (the seed marks them), shown on their pages and counted on the dashboard; a visitor is told it
// will apply when they sign in; the JavaScript signal alone does the same through the page.

type Row = { kind: string; source: string; purpose: string | null; recipient: string | null };

const restrictions = (subjectId: string) =>
  sql()
    .query<Row>(
      `SELECT kind::text, source::text, p.key AS purpose, r.key AS recipient
         FROM "UseRestriction" u
         LEFT JOIN "Purpose" p ON p.id = u."purposeId"
         LEFT JOIN "Recipient" r ON r.id = u."recipientId"
        WHERE u."subjectId" = $1 ORDER BY kind`,
      [subjectId],
    )
    .then((result) => result.rows);

test.describe("with the Sec-GPC header", () => {
  test.use({ extraHTTPHeaders: { "Sec-GPC": "1" } });

  test("a visitor is told it applies at sign-in; signed in, it is honoured once", async ({
    page,
    signIn,
    signInElsewhere,
  }) => {
    await page.goto("/ja");
    await expect(page.getByTestId("gpc-acknowledged")).toContainText("ログインすると");

    const person = await signIn("SUBJECT", { withSubject: true });
    await page.goto("/ja/me");
    const notice = page.getByTestId("gpc-notice");
    await expect(notice).toContainText("ブラウザのGPCシグナルに従っています");
    await expect(notice).toContainText(
      "「各種サービスの提案・情報提供・広告配信」のための利用を停止しました",
    );
    await expect(notice).toContainText("AdReach, Inc.への提供を停止しました");
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    expect(await restrictions(person.subjectId!)).toEqual([
      { kind: "PURPOSE", source: "GPC", purpose: "ads", recipient: null },
      { kind: "RECIPIENT", source: "GPC", purpose: null, recipient: "adreach-us" },
    ]);

    // Each page sends the signal again: nothing more is recorded.
    await page.goto("/ja/me/data");
    const stopped = page.locator("section", { has: page.locator("#restrictions-title") });
    await expect(stopped.locator('tr[data-restriction="PURPOSE"]')).toContainText(
      "GPCシグナルによる",
    );
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/ja/me/ledger");
    await expect(page.getByTestId("gpc-notice")).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    expect(await restrictions(person.subjectId!)).toHaveLength(2);
    const audit = await sql().query(
      `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'gpc.honour' AND "entityId" = $1`,
      [person.subjectId],
    );
    expect(audit.rows[0].n).toBe(1);

    // The transparency page says how, and the manager counts it.
    await page.goto("/ja/privacy#gpc");
    const section = page.getByRole("region", {
      name: "グローバル・プライバシー・コントロール（GPC）への対応",
    });
    await expect(section).toContainText("AdReach, Inc.");
    const manager = await signInElsewhere("MANAGER");
    await manager.page.goto("/ja/manager");
    const count = Number(await manager.page.getByTestId("gpc-count").getAttribute("data-count"));
    expect(count).toBeGreaterThanOrEqual(1);
  });
});

test("the signal seen only by the page (navigator.globalPrivacyControl) is honoured too", async ({
  page,
  signIn,
}) => {
  await page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true }),
  );
  await page.goto("/en");
  await expect(page.getByTestId("gpc-acknowledged")).toContainText("when you sign in");
  const person = await signIn("SUBJECT", { withSubject: true });
  await page.goto("/en/me");
  await expect(page.getByTestId("gpc-notice")).toContainText("We honour your browser's GPC signal");
  expect(await restrictions(person.subjectId!)).toHaveLength(2);
});

test("the GPC support resource is served as the specification says", async ({ request }) => {
  const response = await request.get("/.well-known/gpc.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = await response.json();
  expect(body.gpc).toBe(true);
  expect(body.lastUpdate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

test("without a signal, nothing is said or recorded", async ({ page, signIn }) => {
  const person = await signIn("SUBJECT", { withSubject: true });
  await page.goto("/ja/me");
  await expect(page.getByRole("heading", { name: "マイページ" })).toBeVisible();
  await expect(page.getByTestId("gpc-notice")).toHaveCount(0);
  expect(await restrictions(person.subjectId!)).toEqual([]);
});
