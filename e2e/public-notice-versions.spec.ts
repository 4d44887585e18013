import AxeBuilder from "@axe-core/playwright";
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";

import { expect, test } from "./support/fixtures";
import { sql } from "./support/db";

// The privacy notice, versioned (issue 16 part 4; ISO/IEC 29184 / JIS X 9252): the transparency
// page names the notice's elements, links its JSON and its version history; a manager's change to
// the data map is a new version whose changes are listed by name (a new purpose needs consent, a
// renamed one does not); a person who saw the version before is shown what changed on their page
// until they acknowledge it. Other specs change the data map meanwhile, so versions are found by
// this spec's own purpose key, never as "the latest".

const short = () => randomUUID().slice(0, 8);

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

async function expectFits(page: Page, width: number) {
  await expect
    .poll(() =>
      page.evaluate(
        (w) =>
          document.documentElement.scrollWidth <= w
            ? "fits"
            : [...document.querySelectorAll("body *")]
                .filter((e) => e.getBoundingClientRect().right > w + 1)
                .slice(0, 5)
                .map((e) => `${e.tagName.toLowerCase()}.${String(e.className)}`)
                .join(", "),
        width,
      ),
    )
    .toBe("fits");
}

/** The versions whose changes include `kind` of the purpose `key`, oldest first. */
async function versionsChanging(key: string, kind: "added" | "changed" | "removed") {
  const { rows } = await sql().query<{ version: number; needsConsent: boolean }>(
    `SELECT version, "needsConsent" FROM "NoticeVersion"
      WHERE changes @> $1::jsonb ORDER BY version`,
    [JSON.stringify([{ element: "purposes", key, kind }])],
  );
  return rows;
}

async function seenVersion(subjectId: string): Promise<number | null> {
  const { rows } = await sql().query<{ seen: number | null }>(
    `SELECT "noticeSeenVersion" AS seen FROM "Subject" WHERE id = $1`,
    [subjectId],
  );
  return rows[0]?.seen ?? null;
}

const ELEMENTS = [
  "controller",
  "purposes",
  "categories",
  "sources",
  "recipients",
  "retention",
  "rights",
  "complaints",
  "changes",
];

test("the privacy page maps the notice's elements and links its JSON and version history", async ({
  page,
}) => {
  await page.goto("/ja/privacy");
  await expect(page.locator('head link[rel="alternate"][type="application/json"]')).toHaveAttribute(
    "href",
    /\/api\/v1\/notice$/,
  );
  const section = page.locator("section[aria-labelledby=notice]");
  await expect(section.getByRole("heading", { level: 2 })).toHaveText("この通知の構成と改定");
  await expect(section.getByTestId("notice-current")).toHaveText(/現在の版: 第\d+版（.+公開）/);

  // One row per element; each in-page link reaches a section of this page.
  const rows = section.locator("tr[data-element]");
  await expect(rows).toHaveCount(ELEMENTS.length);
  await expect(section.locator('tr[data-element="purposes"] th')).toHaveText("利用目的");
  await expect(section.locator('tr[data-element="complaints"] th')).toHaveText("苦情の申出先");
  for (const href of await section
    .locator('a[href^="#"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
    await expect(page.locator(`h2${href}`)).toHaveCount(1);
  }
  await expect(section.locator('tr[data-element="controller"] a')).toHaveAttribute(
    "href",
    "#contact",
  );
  await expect(section.locator('tr[data-element="retention"] a')).toHaveAttribute(
    "href",
    "#collection",
  );
  // Each category's ways of collection and retention period, as the manager states them.
  await expect(page.locator('tr[data-category="email"]')).toContainText("退会後5年間");

  await expect(section.getByRole("link", { name: "改定履歴", exact: true })).toHaveAttribute(
    "href",
    "/ja/privacy/versions",
  );
  await expect(section.getByRole("link", { name: "この通知の機械可読版（JSON）" })).toHaveAttribute(
    "href",
    "/api/v1/notice",
  );

  await section.getByRole("link", { name: "改定履歴", exact: true }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "プライバシー通知の改定履歴" }),
  ).toBeVisible();
});

test("/api/v1/notice returns the notice as JSON, by element", async ({ request }) => {
  const response = await request.get("/api/v1/notice");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = await response.json();
  const notice = body.notice ?? body;
  for (const element of [...ELEMENTS, "rightsHowTo"]) expect(notice).toHaveProperty(element);
  expect(notice.controller.name.ja).toContain("サクラリンク");
  expect(notice.purposes.length).toBeGreaterThan(0);
  expect(notice.purposes[0]).toHaveProperty("categoryKeys");
  expect(notice.recipients.length).toBeGreaterThan(0);
  expect(notice.recipients[0]).toHaveProperty("recipientClass");

  if (typeof body.version === "number") {
    const older = await request.get(`/api/v1/notice?version=${body.version}`);
    expect(older.status()).toBe(200);
  }
  expect((await request.get("/api/v1/notice?version=999999999")).status()).toBe(404);
});

test("a manager's changes to a purpose are new versions, shown to a person who saw the one before", async ({
  page,
  signIn,
  signInElsewhere,
  baseURL,
}) => {
  // Three settings changes, five pages and their axe checks: longer than the default minute.
  test.setTimeout(120_000);
  // The person looks at their page first: their marker is set, silently, to the version in force.
  const { page: subject, person } = await signInElsewhere("SUBJECT", { withSubject: true });
  await subject.goto(`${baseURL}/ja/me`);
  await expect(subject.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(subject.getByTestId("notice-update")).toHaveCount(0);
  await expect.poll(() => seenVersion(person.subjectId!)).not.toBeNull();

  // A manager adds a purpose: a new version, whose addition needs people's consent.
  await signIn("MANAGER");
  await page.goto("/ja/manager/settings/purposes");
  const key = `notice-${short()}`;
  const nameJa = `通知テストの目的 ${short()}`;
  await page.getByLabel("キー（英小文字・数字・-・_）").fill(key);
  await page.getByLabel("名称（日本語）").fill(nameJa);
  await page.getByLabel("名称（英語）").fill(`Notice test ${key}`);
  await page.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByTestId("toast")).toContainText("保存しました");

  await expect.poll(async () => (await versionsChanging(key, "added")).length).toBe(1);
  const [added] = await versionsChanging(key, "added");
  expect(added!.needsConsent).toBe(true);

  await page.goto("/ja/privacy/versions");
  const addedRow = page.locator(`tr[data-version="${added!.version}"]`);
  await expect(addedRow).toContainText("追加");
  await expect(addedRow.getByTestId("needs-consent")).toHaveText("同意が必要な変更を含む");
  await addedRow.getByRole("link", { name: `第${added!.version}版` }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `プライバシー通知 第${added!.version}版` }),
  ).toBeVisible();
  const addedItem = page
    .getByTestId("notice-changes")
    .locator(`[data-element="purposes"] li[data-key="${key}"]`);
  await expect(addedItem).toHaveAttribute("data-kind", "added");
  await expect(addedItem).toContainText("追加");
  await expect(addedItem).toContainText(nameJa);
  await expect(page.getByTestId("notice-changes").getByRole("note")).toContainText("同意");
  await expect(page.getByRole("link", { name: "この版の機械可読版（JSON）" })).toHaveAttribute(
    "href",
    `/api/v1/notice?version=${added!.version}`,
  );
  // The version's content lists the purpose under its element.
  await expect(
    page
      .getByTestId("notice-content")
      .locator(`section[data-element="purposes"] li[data-key="${key}"]`),
  ).toContainText(nameJa);

  // The manager renames it: another version, a change by name that needs no consent.
  await page.goto("/ja/manager/settings/purposes");
  await page.getByRole("link", { name: `編集: ${key}`, exact: true }).click();
  // The list page has a form with the same labels: wait for the purpose's own page.
  await expect(page.getByRole("heading", { level: 1 })).toContainText("の編集");
  const renamed = `改名した目的 ${short()}`;
  await page.getByLabel("名称（日本語）").fill(renamed);
  await page.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByTestId("toast")).toContainText("保存しました");

  await expect.poll(async () => (await versionsChanging(key, "changed")).length).toBe(1);
  const [changed] = await versionsChanging(key, "changed");
  expect(changed!.version).toBeGreaterThan(added!.version);

  await page.goto("/ja/privacy/versions");
  await expect(page.locator(`tr[data-version="${changed!.version}"]`)).toContainText("変更");
  await page.goto(`/ja/privacy/versions/${changed!.version}`);
  const changedItem = page
    .getByTestId("notice-changes")
    .locator(`[data-element="purposes"] li[data-key="${key}"]`);
  await expect(changedItem).toHaveAttribute("data-kind", "changed");
  await expect(changedItem).toContainText("変更");
  await expect(changedItem).toContainText(renamed);
  await expect(changedItem).toContainText("変更した点: 名称");
  await expectNoAxeViolations(page);
  // The same page in English.
  await page.goto(`/en/privacy/versions/${changed!.version}`);
  await expect(page.getByTestId("notice-changes").locator(`li[data-key="${key}"]`)).toContainText(
    "Changed",
  );

  // The person's page: what changed since their visit, and a consent question for each change
  // that needs it; they decline the new purpose, and its use stops for them.
  await subject.goto(`${baseURL}/ja/me`);
  const card = subject.getByTestId("notice-update");
  await expect(card.getByRole("heading", { level: 2 })).toHaveText(
    "前回のご確認以降、プライバシー通知が改定されました",
  );
  await expect(card.locator(`li[data-key="${key}"][data-kind="added"]`)).toContainText(nameJa);
  await expect(card.locator(`li[data-key="${key}"][data-kind="changed"]`)).toContainText(
    `利用目的: ${renamed}`,
  );
  await expect(card.getByTestId("notice-needs-consent")).toContainText("同意が必要です");
  await expect(card.getByRole("link", { name: "改定履歴で詳しく見る" })).toHaveAttribute(
    "href",
    "/ja/privacy/versions",
  );
  await expectNoAxeViolations(subject);
  // Sending without an answer: the question left open says so, and nothing is recorded.
  const consent = card.getByRole("form", { name: "同意のお願い" });
  await consent.getByRole("button", { name: "回答して確認済みにする" }).click();
  await expect(consent.getByText("同意するかどうかを選んでください").first()).toBeVisible();
  expect(await seenVersion(person.subjectId!)).toBeLessThan(changed!.version);
  // Other specs may add purposes or third parties meanwhile: those are consented to, ours not.
  const groups = consent.getByRole("group");
  for (let i = 0; i < (await groups.count()); i++) {
    const group = groups.nth(i);
    const ours = (await group.locator("legend").innerText()).includes(renamed);
    await group.getByLabel(ours ? /^同意しない/ : /^同意する/).check();
  }
  await consent.getByRole("button", { name: "回答して確認済みにする" }).click();
  await expect(subject.getByTestId("toast")).toContainText("回答を記録しました");
  // Gone (a version another spec records meanwhile may bring a card of its own back, never ours).
  await expect(subject.getByTestId("notice-update").locator(`li[data-key="${key}"]`)).toHaveCount(
    0,
  );
  expect(await seenVersion(person.subjectId!)).toBeGreaterThanOrEqual(changed!.version);
  const { rows: stopped } = await sql().query<{ source: string }>(
    `SELECT r.source FROM "UseRestriction" r JOIN "Purpose" p ON p.id = r."purposeId"
      WHERE r."subjectId" = $1 AND p.key = $2 AND r."liftedAt" IS NULL`,
    [person.subjectId, key],
  );
  expect(stopped).toEqual([{ source: "NOTICE" }]);
  // The person's data page lists it with what they stopped, saying why.
  await subject.goto(`${baseURL}/ja/me/data`);
  await expect(
    subject.locator('tr[data-restriction="PURPOSE"]', { hasText: renamed }),
  ).toContainText("プライバシー通知の改定に同意されなかったため");

  // Leave the demo data map as it was: deleting the purpose is a version too, a removal. A purpose
  // someone stopped cannot be deleted (the stop is a record of what was done): this test's own
  // person's stop goes first.
  await sql().query(
    `DELETE FROM "UseRestriction" WHERE "subjectId" = $1
       AND "purposeId" = (SELECT id FROM "Purpose" WHERE key = $2)`,
    [person.subjectId, key],
  );
  await page.goto("/ja/manager/settings/purposes");
  await page.getByRole("link", { name: `編集: ${key}`, exact: true }).click();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "削除する" }).click();
  await expect.poll(async () => (await versionsChanging(key, "removed")).length).toBe(1);
  const [removed] = await versionsChanging(key, "removed");
  await page.goto(`/ja/privacy/versions/${removed!.version}`);
  await expect(
    page.getByTestId("notice-changes").locator(`li[data-key="${key}"][data-kind="removed"]`),
  ).toContainText("削除");
});

for (const locale of ["ja", "en"] as const) {
  test(`the version pages fit a phone and are axe-clean (${locale})`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`/${locale}/privacy/versions`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      "href",
      new RegExp(`/${locale}/privacy/versions$`),
    );
    await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
      "href",
      /\/en\/privacy\/versions$/,
    );
    const rows = page.getByTestId("notice-versions").locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    // Newest first.
    const numbers = await rows.evaluateAll((trs) =>
      trs.map((tr) => Number(tr.getAttribute("data-version"))),
    );
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    await expectFits(page, 375);
    await expectNoAxeViolations(page);

    await rows.first().getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/privacy/versions/${numbers[0]}$`));
    await expect(page.getByTestId("notice-content").locator("section[data-element]")).toHaveCount(
      ELEMENTS.length,
    );
    await expectFits(page, 375);
    await expectNoAxeViolations(page);
  });
}

test("a manager's public statement and a category's retention are published as a new version", async ({
  page,
  signIn,
}) => {
  test.setTimeout(120_000);
  await signIn("MANAGER");
  await page.goto("/ja/manager/settings");
  await page.getByRole("link", { name: "公表する文言（苦情の窓口、安全管理措置など）" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "公表する文言" })).toBeVisible();
  await expectNoAxeViolations(page);
  const field = page.getByRole("group", { name: "委託先の監督" }).getByLabel("日本語");
  const original = await field.inputValue();
  const marker = `委託先は年1回監査します（${short()}）。`;
  try {
    await field.fill(`${original}\n${marker}`);
    await page.getByRole("button", { name: "保存する" }).click();
    await expect(page.getByTestId("toast")).toContainText(
      /プライバシー通知の第\d+版を公開しました/,
    );
    const version = Number(
      /第(\d+)版/.exec((await page.getByTestId("toast").innerText()) ?? "")![1],
    );
    // The version says what changed, and states the text under recipients.
    await page.goto(`/ja/privacy/versions/${version}`);
    await expect(
      page.getByTestId("notice-changes").locator('[data-element="recipients"]'),
    ).toContainText("委託先の監督");
    await expect(
      page.getByTestId("notice-content").locator('section[data-element="recipients"]'),
    ).toContainText(marker);
    await page.goto("/ja/privacy");
    await expect(page.getByText(marker)).toBeVisible();
    // The same page on a phone.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/ja/manager/settings/statements");
    await expect(
      page.getByRole("group", { name: "委託先の監督" }).getByLabel("日本語"),
    ).toHaveValue(`${original}\n${marker}`);
    await expectFits(page, 375);
  } finally {
    await page.goto("/ja/manager/settings/statements");
    await page.getByRole("group", { name: "委託先の監督" }).getByLabel("日本語").fill(original);
    await page.getByRole("button", { name: "保存する" }).click();
    await expect(page.getByTestId("toast")).toContainText("保存しました");
  }

  // A category's retention period: the manager's words on the privacy page.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/ja/manager/settings/categories");
  await page.getByRole("link", { name: "編集: survey_answers", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("アンケート回答");
  const retention = page.getByLabel("保存期間（日本語）");
  const kept = await retention.inputValue();
  const period = `回答から${short()}日間`;
  try {
    await expect(page.getByRole("checkbox", { name: "ご本人から直接" })).toBeChecked();
    await retention.fill(period);
    await page.getByRole("button", { name: "保存する" }).click();
    await expect(page.getByTestId("toast")).toContainText("保存しました");
    await page.goto("/ja/privacy");
    await expect(page.locator('tr[data-category="survey_answers"]')).toContainText(period);
  } finally {
    await page.goto("/ja/manager/settings/categories");
    await page.getByRole("link", { name: "編集: survey_answers", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("アンケート回答");
    await page.getByLabel("保存期間（日本語）").fill(kept);
    await page.getByRole("button", { name: "保存する" }).click();
    await expect(page.getByTestId("toast")).toContainText("保存しました");
  }
});

test("an unknown version is not found", async ({ page }) => {
  for (const path of ["/ja/privacy/versions/999999999", "/ja/privacy/versions/abc"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
