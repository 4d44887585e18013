import { expect, type Page } from "@playwright/test";

import { CLIENT_SECTIONS } from "../../lib/i18n/client-messages";

import { insertRequest } from "./db";

/** A request in identity review, as if the person had just filed it; its reference. */
export async function fileForReview(
  subjectId: string,
  filedById: string,
  type: string,
  details: object,
) {
  const { reference } = await insertRequest({
    subjectId,
    filedById,
    type,
    details,
    status: "IDENTITY_REVIEW",
  });
  return reference;
}

/** Staff record the person's identity as verified on the request page: its tasks fan out. */
export async function verifyAsStaff(page: Page, reference: string) {
  await page.goto(`/ja/staff/requests/${reference}`);
  const subjectCheck = page.getByLabel(/^本人の本人確認書類/);
  if ((await subjectCheck.count()) > 0) await subjectCheck.check();
  await page.getByRole("button", { name: "本人確認済みとして記録" }).click();
  await expect(page.getByTestId("status")).toHaveText("対応中");
}

// A key, not an address: a test user's email (`staff.<hex>@…`, shown in assignee lists) whose
// random part happened to be all letters looked like one and failed unrelated specs.
const RAW_KEY = new RegExp(
  `\\b(?:${CLIENT_SECTIONS.join("|")})\\.[a-z][A-Za-z]*(?:\\.[A-Za-z]+)*\\b(?!@)`,
);

/**
 * No catalogue key shows as text on the page: every string its client components draw, and every
 * error key an action answered with, was in the sections the page sent or that loaded with the
 * form (lib/i18n/lazy-sections.ts). A missing section shows its keys, not blank text.
 */
export async function expectTranslated(page: Page) {
  expect((await page.locator("body").innerText()).match(RAW_KEY)?.[0] ?? null).toBeNull();
}
