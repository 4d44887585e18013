import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { expect, test } from "./support/fixtures";
import { sql } from "./support/db";

// The public transparency page, signed out, in both languages: every section is there and shows
// the demo organisation's data from the database (not just headings), and axe finds nothing.

const japanYear = (d: Date) =>
  Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Tokyo", year: "numeric" }).format(d));

/** The law-enforcement register counted per Japan-time year and basis, straight from the table. */
async function registerCounts() {
  const { rows } = await sql().query<{ disclosedAt: Date; basis: string }>(
    `SELECT "disclosedAt", basis::text AS basis FROM "LawEnforcementDisclosure"`,
  );
  const years = new Map<number, Record<string, number>>();
  for (const r of rows) {
    const year = japanYear(r.disclosedAt);
    const counts = years.get(year) ?? { WARRANT: 0, INQUIRY: 0, OTHER_LAW: 0 };
    counts[r.basis] = (counts[r.basis] ?? 0) + 1;
    years.set(year, counts);
  }
  return { total: rows.length, years };
}

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

const TEXT = {
  ja: {
    title: "個人情報の取り扱いについて（透明性レポート）",
    organisation: "株式会社サクラリンク",
    signIn: "ログイン",
    sensitive: "健康に関する配慮事項（要配慮個人情報）",
    jobApplication: "応募履歴・職務経歴",
    publicWay: "公開されている情報から",
    fraud: "サービスの安全な運営に必要な不正対策",
    notSuspendable: "対象外（法令上必要なため）",
    foreignClass: "外国にある第三者",
    reservation: "ネット予約",
    pointsScene: "ポイントプログラムの連携",
    countries: {
      "AdReach, Inc.": "アメリカ合衆国",
      "Hôtel Lumière Paris SAS": "フランス",
      "TravelMate Korea Co., Ltd.": "韓国",
    },
    gdpr: "EU一般データ保護規則（GDPR）",
    processorCategory: "決済代行業務",
    processorName: "株式会社ペイゲート",
    policy: "捜査令状によらない限り提供しません",
    yearLabel: (y: number) => `${y}年`,
    legalRep: "法定代理人",
    signInToFile: "ログインして請求する",
    offline: "郵送の場合は",
    free: "無料",
    myNumberFront: "マイナンバーカード（表面のみ）",
    myNumberWarning: "マイナンバーカードの裏面は送らないでください",
    deadline: "10日以内に回答します",
    phone: "0120-000-318",
    technical: "（技術的安全管理措置）",
    ppc: "個人情報保護委員会",
    ico: "英国情報コミッショナー事務局（ICO）",
    other: { locale: "en", text: "English" },
  },
  en: {
    title: "How we handle personal data (transparency report)",
    organisation: "Sakura Link Inc.",
    signIn: "Sign in",
    sensitive: "Health-related accessibility needs (special-care data)",
    jobApplication: "Job applications and work history",
    publicWay: "From public sources",
    fraud: "Fraud prevention and security",
    notSuspendable: "Not possible (required by law)",
    foreignClass: "Third party abroad",
    reservation: "Online reservations",
    pointsScene: "Points programme links",
    countries: {
      "AdReach, Inc.": "United States",
      "Hôtel Lumière Paris SAS": "France",
      "TravelMate Korea Co., Ltd.": "South Korea",
    },
    gdpr: "General Data Protection Regulation (GDPR)",
    processorCategory: "Payment processing",
    processorName: "PayGate Co., Ltd.",
    policy: "provided only under a warrant",
    yearLabel: (y: number) => `${y}`,
    legalRep: "Legal representative",
    signInToFile: "Sign in to file a request",
    offline: "By post:",
    free: "Free",
    myNumberFront: "My Number card (front side only)",
    myNumberWarning: "the back of a My Number card",
    deadline: "within 10 days",
    phone: "0120-000-318",
    technical: "(Technical measures)",
    ppc: "Personal Information Protection Commission (PPC), Japan",
    ico: "Information Commissioner's Office (ICO)",
    other: { locale: "ja", text: "日本語" },
  },
} as const;

for (const locale of ["ja", "en"] as const) {
  const x = TEXT[locale];

  test(`the transparency page shows the organisation's data, signed out (${locale})`, async ({
    page,
  }) => {
    await page.goto(`/${locale}/privacy`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1, name: x.title })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(x.organisation);
    // Signed out: the header offers sign-in.
    await expect(page.getByRole("banner").getByRole("link", { name: x.signIn })).toBeVisible();

    // Table of contents: one in-page link per section, each to an h2 that exists.
    const toc = page.getByRole("navigation").filter({ has: page.locator("#toc-title") });
    const links = toc.getByRole("link");
    // The first, "notice", maps the ISO/IEC 29184 notice elements to the sections below.
    await expect(links).toHaveCount(14);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
      expect(href).toMatch(/^#[a-z-]+$/);
      await expect(page.locator(`h2${href}`)).toHaveCount(1);
    }
    await links.nth(5).click();
    await expect(page).toHaveURL(/#foreign$/);

    // What is collected and how: the sensitive class and the ways from the items' sources.
    const collection = page.locator("section[aria-labelledby=collection]");
    const sensitive = collection.locator("section[aria-labelledby=class-SENSITIVE]");
    await expect(sensitive.getByRole("rowheader", { name: x.sensitive })).toBeVisible();
    const jobRow = collection.locator("tr[data-category=job_application]");
    await expect(jobRow.getByRole("rowheader")).toHaveText(x.jobApplication);
    await expect(jobRow).toContainText(x.publicWay);
    await expect(collection.getByRole("table")).toHaveCount(3);
    // No empty column: every category in every table is described in this language.
    for (const table of await collection.getByRole("table").all()) {
      const columns = await table.locator("thead th").count();
      for (const row of await table.locator("tbody tr").all())
        for (const cell of await row.locator("th, td").all())
          expect((await cell.innerText()).trim(), await row.innerText()).not.toBe("");
      expect(columns).toBeGreaterThanOrEqual(3);
    }

    // Purposes: fraud prevention cannot be stopped.
    const purposes = page.locator("section[aria-labelledby=purposes]");
    await expect(purposes.getByRole("row").filter({ hasText: x.fraud })).toContainText(
      x.notSuspendable,
    );

    // Recipient classes with their scenes, and the scenes themselves.
    const recipients = page.locator("section[aria-labelledby=recipients]");
    const foreignClass = recipients.locator("tr[data-recipient-class=FOREIGN_THIRD_PARTY]");
    await expect(foreignClass.getByRole("rowheader")).toHaveText(x.foreignClass);
    await expect(foreignClass).toContainText(x.reservation);
    // As many as the database holds: another spec may add one through the settings page while
    // this runs, so compare with a fresh count and reload until the two agree.
    await expect(async () => {
      const { rows } = await sql().query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Recipient" WHERE "recipientClass" = 'FOREIGN_THIRD_PARTY'`,
      );
      const shown = await foreignClass.locator("td").nth(1).textContent();
      if (!shown?.startsWith(String(rows[0]!.n))) await page.reload();
      expect(rows[0]!.n).toBeGreaterThanOrEqual(3);
      expect(shown).toMatch(new RegExp(`^${rows[0]!.n}(\\D|$)`));
    }).toPass({ timeout: 20_000 });
    for (const cls of ["THIRD_PARTY", "GROUP_COMPANY", "PROCESSOR", "LAW_ENFORCEMENT"])
      await expect(recipients.locator(`tr[data-recipient-class=${cls}]`)).toHaveCount(1);
    await expect(recipients.locator("tr[data-scene=points_link] th")).toHaveText(x.pointsScene);

    // Foreign recipients with country, regime and measures.
    const foreign = page.locator("section[aria-labelledby=foreign]");
    for (const [name, country] of Object.entries(x.countries)) {
      const row = foreign.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
      await expect(row).toContainText(country);
    }
    await expect(foreign.locator("tr[data-country=FR]")).toContainText(x.gdpr);

    // Processors by category, never by name.
    const processors = page.locator("section[aria-labelledby=processors]");
    await expect(processors.getByRole("rowheader", { name: x.processorCategory })).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText(x.processorName);

    // Law enforcement: the policy and yearly counts equal to the register.
    const le = page.locator("section[aria-labelledby=law-enforcement]");
    await expect(le).toContainText(x.policy);
    const register = await registerCounts();
    expect(register.total).toBeGreaterThan(0);
    await expect(le.locator("tbody tr")).toHaveCount(register.years.size);
    for (const [year, counts] of register.years) {
      const row = le.locator(`tr[data-year="${year}"]`);
      await expect(row.getByRole("rowheader")).toHaveText(x.yearLabel(year));
      for (const basis of ["WARRANT", "INQUIRY", "OTHER_LAW"])
        await expect(row.locator(`td[data-basis=${basis}]`)).toHaveText(String(counts[basis]));
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      await expect(row.locator("td[data-basis=TOTAL]")).toHaveText(String(total));
    }

    // Rights and how to file, including by agent and offline.
    const rights = page.locator("section[aria-labelledby=rights]");
    await expect(rights.getByRole("rowheader", { name: x.legalRep })).toBeVisible();
    await expect(rights).toContainText(x.offline);
    await expect(rights).toContainText(x.deadline);
    await expect(rights.getByRole("link", { name: x.signInToFile })).toHaveAttribute(
      "href",
      `/${locale}/sign-in`,
    );

    // Fees: free (the demo organisation charges 0).
    const fees = page.locator("section[aria-labelledby=fees]");
    await expect(fees.locator("tr[data-fee=DISCLOSURE] td")).toHaveText(x.free);
    await expect(fees.locator("tr[data-fee=PURPOSE_NOTIFICATION] td")).toHaveText(x.free);

    // Identity documents and the My Number warning.
    const identity = page.locator("section[aria-labelledby=identity]");
    await expect(identity).toContainText(x.myNumberFront);
    await expect(identity.getByRole("note")).toContainText(x.myNumberWarning);

    await expect(page.locator("section[aria-labelledby=contact]")).toContainText(x.phone);

    // The security measures, and where to complain: our desk, then each law's authority.
    await expect(page.locator("section[aria-labelledby=security]")).toContainText(x.technical);
    const complaints = page.locator("section[aria-labelledby=complaints]");
    await expect(complaints.getByRole("link", { name: x.ppc, exact: true })).toHaveAttribute(
      "href",
      "https://www.ppc.go.jp/",
    );
    await expect(complaints.getByRole("link", { name: x.ico })).toBeVisible();
    await expect(complaints.locator("tr[data-authority]")).toHaveCount(6);

    // The other language's version of the same page.
    const other = page.getByRole("main").getByRole("link", { name: x.other.text, exact: true });
    await expect(other).toHaveAttribute("href", `/${x.other.locale}/privacy`);
    await expect(other).toHaveAttribute("lang", x.other.locale);
  });

  test(`the transparency page is axe-clean (${locale})`, async ({ page }) => {
    await page.goto(`/${locale}/privacy`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoViolations(page);
    // Headings never skip a level.
    const levels = await page
      .locator("main h1, main h2, main h3, main h4")
      .evaluateAll((hs) => hs.map((h) => Number(h.tagName.slice(1))));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++)
      expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
  });
}
