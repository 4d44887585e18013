import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { expect, test } from "./support/fixtures";
import { createUser, insertRequest } from "./support/db";

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

for (const locale of ["ja", "en"] as const) {
  test(`public pages are axe-clean (${locale})`, async ({ page }) => {
    for (const path of ["", "/sign-in"]) {
      await page.goto(`/${locale}${path}`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expectNoViolations(page);
    }
  });

  test(`subject pages are axe-clean (${locale})`, async ({ page, signIn }) => {
    // Eleven pages, each checked by axe: more than a minute on a busy two-core machine.
    test.setTimeout(150_000);
    const person = await signIn("SUBJECT", { withSubject: true });
    const request = await insertRequest({ subjectId: person.subjectId!, filedById: person.id });
    const wizard = [
      "disclosure",
      "provision-records",
      "purpose-notification",
      "correction",
      "suspension-erasure",
      "stop-provision",
    ];
    for (const path of [
      "/me",
      "/me/requests/new",
      ...wizard.map((w) => `/me/requests/new/${w}`),
      `/me/requests/${request.reference}`,
      `/me/reauth?next=/${locale}/me`,
    ]) {
      await page.goto(`/${locale}${path}`);
      await expectNoViolations(page);
    }
    // The form as an agent sees it, with its errors showing.
    await page.goto(`/${locale}/me/requests/new/suspension-erasure`);
    // A click and then the state: the form's code loads on first use, and a choice made while it
    // attaches is put back a moment later (components/forms/defer-until-used.tsx), which
    // Playwright's check() would read too early.
    for (const choice of [
      'input[name="filerRole"][value="LEGAL_REPRESENTATIVE"]',
      'input[name="details.action"][value="ERASE"]',
    ]) {
      await page.locator(choice).click();
      await expect(page.locator(choice)).toBeChecked();
    }
    await page.locator('main button[type="submit"]').click();
    await expect(page.locator(".error").first()).toBeVisible();
    await expectNoViolations(page);
  });

  test(`staff and manager pages are axe-clean (${locale})`, async ({ page, signIn }) => {
    await signIn("MANAGER");
    const subject = await createUser("SUBJECT", { withSubject: true });
    const request = await insertRequest({ subjectId: subject.subjectId!, filedById: subject.id });
    for (const path of ["/staff", `/staff/requests/${request.reference}`, "/manager"]) {
      await page.goto(`/${locale}${path}`);
      await expectNoViolations(page);
    }
  });
}

test("the language switcher keeps the page and changes the language", async ({ page }) => {
  await page.goto("/ja/sign-in");
  await page.getByRole("link", { name: /English/ }).click();
  await expect(page).toHaveURL(/\/en\/sign-in$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});
