import AxeBuilder from "@axe-core/playwright";

import { expect, test } from "./support/fixtures";
import {
  insertConsent,
  insertItem,
  insertProvision,
  insertRestriction,
} from "./support/ledger-data";

// "My data": items grouped by category and by system with their markings, and what I stopped.

async function seedMyData(subjectId: string) {
  await insertItem(subjectId, {
    system: "members",
    category: "name",
    field: "fullName",
    value: "試験 太郎",
    sourceNote: "会員登録時にご本人が入力",
    collectedAt: "2024-04-01T03:00:00Z",
  });
  await insertItem(subjectId, {
    system: "reservations",
    category: "health_accessibility",
    field: "needs",
    value: "禁煙室を希望",
    sourceNote: "宿泊予約の要望欄",
    collectedAt: "2025-04-01T03:00:00Z",
  });
  await insertItem(subjectId, {
    system: "analytics",
    category: "cookie_id",
    field: "cookie",
    value: "ck-linked-123",
    source: "AUTOMATIC",
    collectedAt: "2025-05-01T03:00:00Z",
    linkedToPerson: true,
  });
  await insertItem(subjectId, {
    system: "analytics",
    category: "ip_address",
    field: "ip",
    value: "203.0.113.7",
    source: "AUTOMATIC",
    collectedAt: "2025-05-02T03:00:00Z",
    linkedToPerson: false,
  });
  await insertItem(subjectId, {
    system: "payments",
    category: "payment_history",
    field: "payments",
    value: "決済 3件",
    collectedAt: "2025-06-01T03:00:00Z",
    legalHoldReason: "法人税法に基づく7年間の保存義務",
  });
  await insertItem(subjectId, {
    system: "members",
    category: "phone",
    field: "phone",
    value: "090-0000-ERASED",
    collectedAt: "2024-04-01T03:00:00Z",
    erased: true,
  });
  await insertRestriction(subjectId, "research", "2025-09-01T03:00:00Z");
  await insertConsent(subjectId, {
    kind: "POINTS_LINK",
    recipient: "points-connect",
    purpose: "third_party_provision",
    reference: "LINK-E2E-1",
    description: "ポイント連携",
    grantedAt: "2024-05-01T03:00:00Z",
  });
  await insertConsent(subjectId, {
    kind: "AD_MATCHING",
    recipient: "adreach-us",
    purpose: "ads",
    reference: "ADM-E2E-2",
    description: "広告照合",
    grantedAt: "2024-06-01T03:00:00Z",
    withdrawnAt: "2025-02-01T03:00:00Z",
  });
}

const L = {
  ja: {
    title: "あなたの個人データ",
    bySystem: "システムごと",
    informative: "インフォマティブ情報",
    linked: "あなたと紐付け済み",
    notLinked: "あなたとは紐付けていません",
    sensitive: "要配慮個人情報",
    sensitiveHelp: "申し込んだサービスの提供のためにのみ",
    hold: "法人税法に基づく7年間の保存義務",
    withdrawn: "撤回済み",
    active: "有効",
    purposes: "利用目的: ",
  },
  en: {
    title: "My personal data",
    bySystem: "System",
    informative: "Informative data",
    linked: "Linked to you",
    notLinked: "Not linked to you",
    sensitive: "Sensitive personal data",
    sensitiveHelp: "used only to provide the service you asked for",
    hold: "法人税法に基づく7年間の保存義務",
    withdrawn: "Withdrawn",
    active: "Active",
    purposes: "Purposes: ",
  },
} as const;

for (const locale of ["ja", "en"] as const) {
  const l = L[locale];

  test(`my data is grouped by category and by system, with its markings (${locale})`, async ({
    page,
    signIn,
  }) => {
    const person = await signIn("SUBJECT", { withSubject: true });
    await seedMyData(person.subjectId!);
    await page.goto(`/${locale}/me/data`);
    await expect(page.getByRole("heading", { level: 1, name: l.title })).toBeVisible();
    await expect(page.getByText("090-0000-ERASED")).toHaveCount(0);

    // By category: informative data in a section of its own, each marked linked or not.
    const informative = page.locator('section[data-class="INFORMATIVE"]');
    await expect(informative.getByRole("heading", { level: 2, name: l.informative })).toBeVisible();
    await expect(
      informative.locator('[data-group="cookie_id"] [data-mark="linked"]'),
    ).toContainText(l.linked);
    await expect(
      informative.locator('[data-group="ip_address"] [data-mark="not-linked"]'),
    ).toContainText(l.notLinked);
    await expect(page.locator('section[data-class="INFORMATIVE"] [data-group="name"]')).toHaveCount(
      0,
    );
    const sensitive = page.locator('[data-group="health_accessibility"]');
    await expect(sensitive.locator('[data-mark="sensitive"]')).toHaveText(l.sensitive);
    await expect(sensitive).toContainText(l.sensitiveHelp);
    await expect(page.locator('[data-group="payment_history"]')).toContainText(l.hold);
    // A compact overview: each category a closed card saying how many items, where they are
    // kept and (once) what for; opening it shows the items.
    const nameGroup = page.locator('details[data-group="name"]');
    const nameRow = nameGroup.locator("li").first();
    await expect(nameGroup).not.toHaveAttribute("open");
    await expect(nameRow).toBeHidden();
    await expect(nameGroup.getByTestId("group-purposes")).toContainText(l.purposes);
    // Opened from the keyboard, as a button.
    await nameGroup.locator("summary").focus();
    await page.keyboard.press("Enter");
    await expect(nameGroup).toHaveAttribute("open", "");
    await expect(nameRow).toBeVisible();
    await expect(nameRow).toContainText("試験 太郎");
    // Each item by the data map's label for its field, never the field's key.
    await expect(nameRow.locator(".item-label")).toHaveText(locale === "ja" ? "氏名" : "Full name");
    await expect(page.locator("main")).not.toContainText("fullName");
    await expect(nameRow).toContainText("会員登録時にご本人が入力");
    // No table header repeated per group.
    await expect(page.locator("details[data-group] table")).toHaveCount(0);

    // What I stopped: the restriction and both consents with their dates and states.
    await expect(page.locator('[data-restriction="PURPOSE"]')).toHaveCount(1);
    await expect(page.locator('[data-consent="LINK-E2E-1"]')).toContainText(l.active);
    await expect(page.locator('[data-consent="ADM-E2E-2"]')).toContainText(l.withdrawn);

    let axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    // By system: one group per system, markings on the items themselves.
    await page.getByRole("link", { name: l.bySystem }).click();
    await expect(page).toHaveURL(/by=system/);
    await expect(page.getByRole("link", { name: l.bySystem })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(page.locator("details[data-group]")).toHaveCount(4);
    const analytics = page.locator('[data-group="analytics"]');
    await expect(analytics.locator('[data-mark="informative"]')).toHaveCount(2);
    await expect(analytics.locator('[data-mark="not-linked"]')).toHaveCount(1);
    await expect(page.locator('[data-group="reservations"] [data-mark="sensitive"]')).toHaveCount(
      1,
    );
    await expect(page.locator('[data-group="payments"] [data-mark="legal-hold"]')).toHaveCount(1);
    axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });
}

test("my page says when nothing is held or was provided, and counts in words otherwise", async ({
  page,
  signIn,
}) => {
  const person = await signIn("SUBJECT", { withSubject: true });
  const summary = page.locator("section[aria-labelledby=summary-title]");
  // Nothing on record: said in a sentence each, no empty tables.
  await page.goto("/ja/me");
  await expect(summary).toContainText(
    "あなたに結び付いた個人データは、いまのところ当社のどのシステムにもありません。",
  );
  await expect(summary).toContainText("あなたの個人データを第三者に提供した記録はありません。");
  await expect(summary.getByRole("table")).toHaveCount(0);
  await expect(summary.getByRole("heading", { name: "保有しているシステム" })).toHaveCount(0);

  // One item and one provision: the tables, and English that counts them in the singular.
  await insertItem(person.subjectId!, {
    system: "members",
    category: "name",
    field: "fullName",
    value: "試験 太郎",
    collectedAt: "2024-04-01T03:00:00Z",
  });
  await insertProvision(person.subjectId!, {
    recipient: "adreach-us",
    purpose: "ads",
    providedAt: "2026-06-01T10:00:00",
    items: ["email"],
    legalBasis: "CONSENT",
  });
  await page.goto("/en/me");
  await expect(summary.getByRole("table")).toHaveCount(2);
  await expect(summary.getByRole("row", { name: /Name/ })).toContainText("1 item");
  await expect(summary).toContainText("Your data has been provided once to 1 recipient.");
  await expect(summary).not.toContainText("None of our systems");
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});
