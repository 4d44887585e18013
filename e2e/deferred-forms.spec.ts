import { randomUUID } from "node:crypto";

import type { Page } from "@playwright/test";

import { expect, test } from "./support/fixtures";

// A form's code loads when someone starts to use it (components/forms/defer-until-used.tsx):
// the page ships without it, the server's HTML is the form until then, and what a person does
// before the code arrives (typing, Enter) is kept.

/** Counts the scripts the page fetches from now on. */
function countScripts(page: Page) {
  const seen: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") seen.push(request.url());
  });
  return seen;
}

test("the sign-in form is on the page before its code, which loads when the form is used", async ({
  page,
}) => {
  const scripts = countScripts(page);
  await page.goto("/ja/sign-in");
  await page.waitForLoadState("networkidle");
  const field = page.getByLabel("メールアドレス");
  await expect(field).toBeVisible();
  const atLoad = scripts.length;
  await field.focus();
  await expect
    .poll(() => scripts.length, { message: "the form's code loads on focus" })
    .toBeGreaterThan(atLoad);
});

test("typing and Enter before the form's code has arrived are kept and sent", async ({ page }) => {
  await page.goto("/ja/sign-in");
  await page.waitForLoadState("networkidle");
  // From here every script takes a second and a half, as on a slow line.
  await page.route("**/_next/static/chunks/**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const email = `deferred-${randomUUID()}@test.example.jp`;
  const field = page.getByLabel("メールアドレス");
  await field.fill(email);
  await field.press("Enter");
  // Held, not sent by the browser: the address never reaches the URL.
  expect(page.url()).not.toContain("deferred-");
  await expect(page).toHaveURL(/\/ja\/sign-in\/check-email$/, { timeout: 15_000 });
});

test("a field left empty before the code arrived gets the schema's error once it has", async ({
  page,
}) => {
  await page.goto("/en/sign-in");
  await page.waitForLoadState("networkidle");
  await page.route("**/_next/static/chunks/**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await route.continue();
  });
  await page.getByRole("button", { name: "Send sign-in link" }).click();
  await expect(page.getByText(/Enter an email address|This field is required/)).toBeVisible({
    timeout: 15_000,
  });
  expect(page.url()).toMatch(/\/en\/sign-in$/);
});
