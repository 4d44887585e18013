import { expect, type Page } from "@playwright/test";

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
