import { readFile } from "node:fs/promises";

import AxeBuilder from "@axe-core/playwright";
import { request as playwrightRequest, type Page } from "@playwright/test";

import { ledger } from "../lib/i18n/messages/sections/ledger";
import { createUser, sql } from "./support/db";
import { expect, test } from "./support/fixtures";
import { insertConsent, insertManyProvisions, insertProvision } from "./support/ledger-data";

// The subject's provision ledger: entries with their details, each filter, the recipient list that
// follows the recipient class (live with JavaScript, from the URL without), keyset pages, the CSV
// and JSON exports, and accessibility — in Japanese and English.

async function seedLedger(subjectId: string) {
  const consentId = await insertConsent(subjectId, {
    kind: "AD_MATCHING",
    recipient: "adreach-us",
    purpose: "ads",
    reference: "ADM-E2E-0001",
    description: "広告照合への同意",
    grantedAt: "2025-01-01T00:00:00Z",
  });
  await insertProvision(subjectId, {
    recipient: "adreach-us",
    purpose: "ads",
    providedAt: "2026-03-10T03:00:00Z",
    items: ["email", "ad_id"],
    legalBasis: "CONSENT",
    consentId,
  });
  await insertProvision(subjectId, {
    recipient: "hotel-sakuratei",
    purpose: "third_party_provision",
    scene: "reservation",
    providedAt: "2026-02-01T03:00:00Z",
    items: ["name", "phone"],
    legalBasis: "USER_APPLICATION",
  });
  await insertProvision(subjectId, {
    recipient: "points-connect",
    purpose: "third_party_provision",
    scene: "points_link",
    providedAt: "2025-06-15T03:00:00Z",
    items: ["member_id"],
    legalBasis: "USER_APPLICATION",
  });
  await insertProvision(subjectId, {
    recipient: "proc-cloud",
    purpose: "service_operation",
    providedAt: "2025-01-01T03:00:00Z",
    periodEnd: "2026-05-01T03:00:00Z",
    items: ["name"],
    legalBasis: "PROCESSING_ENTRUSTMENT",
  });
}

/** The filters fold away while none applies: opened by their summary, with the keyboard. */
async function openFilters(page: Page) {
  const filters = page.locator("details.filters");
  if ((await filters.getAttribute("open")) !== null) return;
  await filters.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(filters).toHaveAttribute("open");
}

async function filterBy(page: Page, label: string, value: string, submit: string) {
  await openFilters(page);
  await page.getByLabel(label, { exact: true }).selectOption(value);
  // Keyboard: focus the submit button and press Enter.
  await page.getByRole("button", { name: submit }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\?/);
}

/** Every recipient's class, from the database (the demo seed's, and any that other specs add). */
async function recipientClasses(): Promise<Map<string, string>> {
  const { rows } = await sql().query<{ key: string; c: string }>(
    `SELECT key, "recipientClass"::text AS c FROM "Recipient"`,
  );
  return new Map(rows.map((r) => [r.key, r.c]));
}

/** The values the recipient select offers, "any" ("") first. */
const offered = (page: Page, label: string) =>
  page
    .getByLabel(label, { exact: true })
    .locator("option")
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));

/** Asserts that the recipient select offers "any" and recipients of `cls` only, these among them. */
async function expectOffersClass(page: Page, label: string, cls: string, including: string[]) {
  const classes = await recipientClasses();
  await expect(async () => {
    const [any, ...keys] = await offered(page, label);
    expect(any).toBe("");
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((k) => classes.get(k) !== cls)).toEqual([]);
    expect(keys).toEqual(expect.arrayContaining(including));
  }).toPass({ timeout: 10_000 });
}

const L = {
  ja: {
    total: (n: number) => `該当する記録: ${n}件`,
    conditions: (n: number) => `${n}件の条件`,
    apply: "絞り込む",
    clear: "条件をクリア",
    cls: "提供先の区分",
    recipient: "提供先",
    scene: "提供シーン",
    from: "開始日",
    to: "終了日",
    older: "古い記録へ",
    newer: "新しい記録へ",
    first: "最新の記録へ",
    csv: "CSV形式でダウンロード",
    json: "JSON形式でダウンロード",
    us: "アメリカ合衆国",
    cloud: "クラウドサーバーの提供",
    consent: "同意番号: ADM-E2E-0001",
    csvHead: "提供日,最終提供日,提供先,提供先の区分",
    otherClass: ledger.ja.filter.recipientOtherClass,
  },
  en: {
    total: (n: number) => `Matching entries: ${n}`,
    conditions: (n: number) => `Conditions: ${n}`,
    apply: "Apply filters",
    clear: "Clear filters",
    cls: "Recipient class",
    recipient: "Recipient",
    scene: "Scene",
    from: "From",
    to: "To",
    older: "Older entries",
    newer: "Newer entries",
    first: "Newest entries",
    csv: "Download as CSV",
    json: "Download as JSON",
    us: "United States",
    cloud: "Cloud hosting",
    consent: "Consent ref. ADM-E2E-0001",
    csvHead: "Date provided,Last provided,Recipient,Recipient class",
    otherClass: ledger.en.filter.recipientOtherClass,
  },
} as const;

for (const locale of ["ja", "en"] as const) {
  const l = L[locale];

  test(`the ledger shows my entries with details and filters them (${locale})`, async ({
    page,
    signIn,
  }) => {
    const person = await signIn("SUBJECT", { withSubject: true });
    await seedLedger(person.subjectId!);
    const other = await createUser("SUBJECT", { withSubject: true });
    await insertProvision(other.subjectId!, {
      recipient: "hotel-sakuratei",
      purpose: "third_party_provision",
      scene: "reservation",
      providedAt: "2026-02-02T03:00:00Z",
      items: ["name"],
      legalBasis: "USER_APPLICATION",
    });
    await page.goto(`/${locale}/me/ledger`);
    await expect(page.getByRole("heading", { name: l.total(4) })).toBeVisible();
    const rows = page.locator("tbody tr[data-entry]");
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(0)).toHaveAttribute("data-recipient", "adreach-us");
    await expect(rows.nth(0)).toContainText(l.us);
    await expect(rows.nth(0)).toContainText(l.consent);
    await expect(rows.nth(3)).toContainText(l.cloud);
    await expect(page.locator('[data-recipient="proc-cloud"] [data-foreign="US"]')).toBeVisible();
    // Art.28 notes once per foreign recipient, linked from its entries.
    await expect(page.locator("#foreign-adreach-us")).toContainText(
      locale === "ja" ? "FTC法第5条" : "Section 5 of the FTC Act",
    );

    await filterBy(page, l.cls, "FOREIGN_THIRD_PARTY", l.apply);
    expect(page.url()).toContain("recipientClass=FOREIGN_THIRD_PARTY");
    await expect(page.getByRole("heading", { name: l.total(1) })).toBeVisible();
    await page.getByRole("link", { name: l.clear }).click();
    await filterBy(page, l.recipient, "points-connect", l.apply);
    await expect(page.getByRole("heading", { name: l.total(1) })).toBeVisible();
    await expect(rows.first()).toHaveAttribute("data-recipient", "points-connect");
    await page.getByRole("link", { name: l.clear }).click();
    await filterBy(page, l.scene, "reservation", l.apply);
    await expect(page.getByRole("heading", { name: l.total(1) })).toBeVisible();
    await expect(rows.first()).toHaveAttribute("data-recipient", "hotel-sakuratei");
    await page.getByRole("link", { name: l.clear }).click();
    // Cleared, the filters fold again.
    await expect(page.locator("details.filters")).not.toHaveAttribute("open");
    await expect(page.getByTestId("ledger-filter-count")).toHaveCount(0);
    // The continuous provision's period overlaps the range, so it is shown too.
    await openFilters(page);
    await page.getByLabel(l.from, { exact: true }).fill("2026-01-01");
    await page.getByLabel(l.to, { exact: true }).fill("2026-02-28");
    await page.getByRole("button", { name: l.apply }).click();
    await expect(page.getByRole("heading", { name: l.total(2) })).toBeVisible();
    await expect(rows).toHaveCount(2);
    await expect(page.getByTestId("ledger-filter-count")).toHaveText(l.conditions(2));
    expect(new URL(page.url()).search).not.toMatch(/@|%40/);

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });

  test(`the recipient list follows the recipient class (${locale})`, async ({ page, signIn }) => {
    const person = await signIn("SUBJECT", { withSubject: true });
    await seedLedger(person.subjectId!);
    const classes = await recipientClasses();
    await page.goto(`/${locale}/me/ledger`);
    await openFilters(page);
    const cls = page.getByLabel(l.cls, { exact: true });
    const recipient = page.getByLabel(l.recipient, { exact: true });
    // No class: every class's recipients.
    expect(await offered(page, l.recipient)).toEqual(
      expect.arrayContaining(["", "hotel-sakuratei", "adreach-us", "proc-cloud"]),
    );

    // Choosing a class narrows the list at once; a chosen recipient of another class goes.
    await recipient.selectOption("adreach-us");
    await cls.selectOption("THIRD_PARTY");
    await expectOffersClass(page, l.recipient, "THIRD_PARTY", [
      "hotel-sakuratei",
      "points-connect",
    ]);
    await expect(recipient).toHaveValue("");
    // Submitted: the entries are of that class only.
    await page.getByRole("button", { name: l.apply }).click();
    await page.waitForURL(/recipientClass=THIRD_PARTY/);
    expect(new URL(page.url()).searchParams.get("recipient") ?? "").toBe("");
    await expect(page.getByRole("heading", { name: l.total(2) })).toBeVisible();
    const rows = page.locator("tbody tr[data-entry]");
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.getAttribute("data-recipient")),
    );
    expect(shown.sort()).toEqual(["hotel-sakuratei", "points-connect"]);
    expect(shown.every((key) => classes.get(key!) === "THIRD_PARTY")).toBe(true);

    // Loaded with the class in the URL, the list is already narrowed; by keyboard, a recipient
    // of the class is chosen and applied.
    await expectOffersClass(page, l.recipient, "THIRD_PARTY", [
      "hotel-sakuratei",
      "points-connect",
    ]);
    await expect(cls).toHaveValue("THIRD_PARTY");
    await recipient.selectOption("points-connect");
    await page.getByRole("button", { name: l.apply }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/recipient=points-connect/);
    await expect(page.getByRole("heading", { name: l.total(1) })).toBeVisible();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute("data-recipient", "points-connect");
    await expect(recipient).toHaveValue("points-connect");

    // Back to any class: every recipient again, the chosen one kept.
    await cls.selectOption("");
    await expect
      .poll(() => offered(page, l.recipient))
      .toEqual(expect.arrayContaining(["adreach-us", "proc-cloud", "points-connect"]));
    await expect(recipient).toHaveValue("points-connect");
    // Another class: only its recipients, and the chosen one goes back to any.
    await cls.selectOption("PROCESSOR");
    await expectOffersClass(page, l.recipient, "PROCESSOR", ["proc-cloud"]);
    await expect(recipient).toHaveValue("");

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test(`the class in the URL narrows the recipient list from the server (${locale})`, async ({
      page,
      signIn,
    }) => {
      const person = await signIn("SUBJECT", { withSubject: true });
      await seedLedger(person.subjectId!);
      await page.goto(`/${locale}/me/ledger?recipientClass=FOREIGN_THIRD_PARTY`);
      await expectOffersClass(page, l.recipient, "FOREIGN_THIRD_PARTY", ["adreach-us"]);
      await expect(page.getByRole("heading", { name: l.total(1) })).toBeVisible();
      await page.getByLabel(l.recipient, { exact: true }).selectOption("adreach-us");
      await page.getByRole("button", { name: l.apply }).click();
      await page.waitForURL(/recipient=adreach-us/);
      await expect(page.getByRole("heading", { name: l.total(1) })).toBeVisible();

      // The class changed without the list following (no script): the recipient of another
      // class is not applied, the page says so, and the entries are those of the class.
      await page.getByLabel(l.cls, { exact: true }).selectOption("THIRD_PARTY");
      await page.getByRole("button", { name: l.apply }).click();
      await page.waitForURL(/recipientClass=THIRD_PARTY/);
      await expect(page.getByRole("alert").filter({ hasText: l.otherClass })).toBeVisible();
      await expect(page.getByRole("heading", { name: l.total(2) })).toBeVisible();
      await expectOffersClass(page, l.recipient, "THIRD_PARTY", ["hotel-sakuratei"]);
      await expect(page.getByLabel(l.recipient, { exact: true })).toHaveValue("");
      // The export links carry the filter as applied.
      await expect(page.getByRole("link", { name: l.csv })).not.toHaveAttribute(
        "href",
        /[?&]recipient=/,
      );
    });
  });

  test(`the ledger pages through 120 entries by keyset (${locale})`, async ({ page, signIn }) => {
    const person = await signIn("SUBJECT", { withSubject: true });
    await insertManyProvisions(person.subjectId!, 120, "2026-06-30T03:00:00Z");
    await page.goto(`/${locale}/me/ledger`);
    await expect(page.getByRole("heading", { name: l.total(120) })).toBeVisible();
    const rows = page.locator("tbody tr[data-entry]");
    await expect(rows).toHaveCount(50);
    await expect(page.getByRole("link", { name: l.newer })).toHaveCount(0);
    const firstOfPage1 = await rows.first().getAttribute("data-entry");
    await page.getByRole("link", { name: l.older }).click();
    await expect(rows).toHaveCount(50);
    const firstOfPage2 = await rows.first().getAttribute("data-entry");
    await page.getByRole("link", { name: l.older }).click();
    await expect(rows).toHaveCount(20);
    await expect(page.getByRole("link", { name: l.older })).toHaveCount(0);
    await page.getByRole("link", { name: l.newer }).click();
    await expect(rows.first()).toHaveAttribute("data-entry", firstOfPage2!);
    await page.getByRole("link", { name: l.first }).click();
    await expect(rows.first()).toHaveAttribute("data-entry", firstOfPage1!);
  });

  test(`the filtered ledger downloads as CSV and JSON (${locale})`, async ({
    page,
    signIn,
    baseURL,
  }) => {
    const person = await signIn("SUBJECT", { withSubject: true });
    await seedLedger(person.subjectId!);
    await page.goto(`/${locale}/me/ledger?recipientClass=THIRD_PARTY`);
    await expect(page.getByRole("heading", { name: l.total(2) })).toBeVisible();

    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: l.csv }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^provision-ledger-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile(await csv.path(), "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]!.startsWith(l.csvHead)).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines[1]!.startsWith("2026-02-01,,")).toBe(true);
    // English names carry a comma and must be quoted.
    if (locale === "en")
      expect(lines[1]).toContain('"Sakuratei Co., Ltd. (Yukemuri Inn Sakuratei)"');
    else expect(lines[1]).toContain("株式会社さくら亭");

    const [json] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: l.json }).click(),
    ]);
    const data = JSON.parse(await readFile(await json.path(), "utf8")) as {
      filter: unknown;
      entries: { recipient: { key: string } }[];
    };
    expect(data.filter).toEqual({ recipientClass: "THIRD_PARTY" });
    expect(data.entries.map((e) => e.recipient.key)).toEqual(["hotel-sakuratei", "points-connect"]);

    // Signed out, the export answers 401 and gives nothing away.
    const anonymous = await playwrightRequest.newContext({ baseURL });
    const refused = await anonymous.get(`/${locale}/me/ledger/export?format=csv`);
    expect(refused.status()).toBe(401);
    await anonymous.dispose();
  });

  test(`an opt-out provision names the recipient's address and representative (${locale})`, async ({
    page,
    signIn,
  }) => {
    const person = await signIn("SUBJECT", { withSubject: true });
    await insertProvision(person.subjectId!, {
      recipient: "restaurant-mimosa",
      purpose: "third_party_provision",
      scene: "reservation",
      providedAt: "2026-03-03T03:00:00Z",
      items: ["name"],
      legalBasis: "OPT_OUT",
    });
    await page.goto(`/${locale}/me/ledger`);
    const entry = page.locator('tr[data-recipient="restaurant-mimosa"] [data-opt-out]');
    await expect(entry).toContainText("東京都中央区銀座5-6-7");
    await expect(entry).toContainText("代表取締役 三森 健");
  });
}
