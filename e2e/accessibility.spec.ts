import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { expect, test } from "./support/fixtures";
import { createUser, insertRequest } from "./support/db";
import { AD_PROVISION, insertProvision } from "./support/ledger-data";

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
    // Waiting for documents: the page lists the letter asking for them, a link per language.
    const waiting = await insertRequest({
      subjectId: subject.subjectId!,
      filedById: subject.id,
      status: "AWAITING_IDENTITY",
    });
    for (const path of [
      "/staff",
      `/staff/requests/${request.reference}`,
      `/staff/requests/${waiting.reference}`,
      "/manager",
    ]) {
      await page.goto(`/${locale}${path}`);
      await expectNoViolations(page);
    }
  });
}

/** In dark mode: each page answers 200 (the page itself, not a refusal or a not-found page in its
 * place), is drawn dark (not the light page with the preference ignored), and is axe-clean: the
 * dark tokens (app/globals.css) must keep every text's contrast, for every audience. */
async function expectDarkPages(page: Page, paths: string[]) {
  await page.emulateMedia({ colorScheme: "dark" });
  for (const path of paths) {
    expect((await page.goto(path))?.status(), path).toBe(200);
    await expect(page.locator("html")).toHaveCSS("background-color", "rgb(15, 18, 22)");
    await expectNoViolations(page);
  }
}

// Two tests, so that their pages are read side by side: all twenty in one took 2.3-2.6 minutes on
// CI beside another worker (7 December).
test("a visitor's and a person's pages are axe-clean in dark mode", async ({ page, signIn }) => {
  test.slow();
  await expectDarkPages(page, ["/ja", "/ja/privacy", "/ja/sign-in"]);
  // Signed in, with a provision and a request waiting for documents.
  const person = await signIn("SUBJECT", { withSubject: true });
  await insertProvision(person.subjectId!, AD_PROVISION);
  const { reference } = await insertRequest({
    subjectId: person.subjectId!,
    filedById: person.id,
    status: "AWAITING_IDENTITY",
  });
  await expectDarkPages(page, [
    "/ja/me",
    "/ja/me/data",
    "/ja/me/ledger",
    "/ja/me/requests/new",
    "/ja/me/requests/new/disclosure",
    `/ja/me/requests/${reference}`,
    "/ja/account",
  ]);
});

test("a manager's pages are axe-clean in dark mode, the charts' labels legible", async ({
  page,
  signIn,
}) => {
  test.slow();
  await signIn("MANAGER");
  const subject = await createUser("SUBJECT", { withSubject: true });
  const { reference } = await insertRequest({
    subjectId: subject.subjectId!,
    filedById: subject.id,
    status: "AWAITING_IDENTITY",
  });
  await expectDarkPages(page, [
    "/ja/staff",
    `/ja/staff/requests/${reference}`,
    "/ja/staff/approvals",
    "/ja/manager",
    "/ja/manager/law-enforcement",
    "/ja/manager/settings",
    "/ja/manager/settings/brand",
    "/ja/manager/settings/templates",
    "/ja/manager/settings/deadlines",
    "/en/manager/settings/systems",
  ]);
  // axe does not read an SVG's text: the dashboard charts' labels against their panel, by hand.
  await page.goto("/ja/manager");
  const labels = page.locator("figure.chart text");
  expect(await labels.count()).toBeGreaterThan(0);
  for (const contrast of await labels.evaluateAll(contrastsOf))
    expect(contrast).toBeGreaterThanOrEqual(4.5);
});

/** WCAG's contrast ratio of each SVG text's fill against the first background behind it (run in
 * the page, so everything it needs is inside it). */
function contrastsOf(texts: Element[]) {
  const rgb = (colour: string) =>
    colour
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map(Number);
  const luminance = (channels: number[]) => {
    const [r = 0, g = 0, b = 0] = channels.map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  return texts.map((text) => {
    let element: Element | null = text.closest("figure");
    let background = "rgba(0, 0, 0, 0)";
    while (element && background === "rgba(0, 0, 0, 0)") {
      background = getComputedStyle(element).backgroundColor;
      element = element.parentElement;
    }
    const [a, b] = [luminance(rgb(getComputedStyle(text).fill)), luminance(rgb(background))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}

test("the language switcher keeps the page and changes the language", async ({ page }) => {
  await page.goto("/ja/sign-in");
  await page.getByRole("link", { name: /English/ }).click();
  await expect(page).toHaveURL(/\/en\/sign-in$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});
