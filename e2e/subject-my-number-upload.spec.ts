import { identity } from "../lib/i18n/messages/sections/identity";
import { withCheckDigit } from "../lib/identity/my-number";
import { pdfWithImage } from "../lib/identity/test-fixtures";
import { cardImage } from "../scripts/lib/my-number-images";
import { insertRequest, sql } from "./support/db";
import { expect, test } from "./support/fixtures";

// Issue 16: a photo of an identity document that shows a My Number is read on upload (Tesseract),
// destroyed at once, and the person is told why and asked for a masked copy; staff never see it.

test("an upload showing a My Number is destroyed at once, and the person asked for a masked copy", async ({
  page,
  signIn,
  signInElsewhere,
}) => {
  const me = await signIn("SUBJECT", { withSubject: true });
  const request = await insertRequest({
    subjectId: me.subjectId!,
    filedById: me.id,
    status: "AWAITING_IDENTITY",
  });
  await page.setViewportSize({ width: 375, height: 900 });
  await page.goto(`/ja/me/requests/${request.reference}`);
  const text = identity.ja;
  const panel = page.getByRole("region", { name: text.title });
  await panel.getByLabel(text.upload.kindLabel).selectOption("MY_NUMBER_CARD_FRONT");
  const photo = await cardImage({
    number: withCheckDigit("31415926535"),
    font: "DejaVu Sans",
    size: 48,
    angle: -3,
    grouped: true,
  });
  await panel
    .getByLabel(text.upload.fileLabel, { exact: true })
    .setInputFiles({ name: "card.jpg", mimeType: "image/jpeg", buffer: photo });
  await panel.getByRole("button", { name: text.upload.submit }).click();
  await expect(panel.getByRole("alert")).toContainText(text.errors.myNumber, { timeout: 30_000 });

  // The same card scanned into a PDF (pictures only, no text layer) is read page by page.
  await page.reload();
  await panel.getByLabel(text.upload.kindLabel).selectOption("MY_NUMBER_CARD_FRONT");
  await panel.getByLabel(text.upload.fileLabel, { exact: true }).setInputFiles({
    name: "scan.pdf",
    mimeType: "application/pdf",
    buffer: await pdfWithImage(photo),
  });
  await panel.getByRole("button", { name: text.upload.submit }).click();
  await expect(panel.getByRole("alert")).toContainText(text.errors.myNumber, { timeout: 30_000 });

  // Nothing kept but the decision and the file's hash.
  const documents = async () =>
    (
      await sql().query<{ storageKey: string | null; purgeNote: string; mimeType: string }>(
        `SELECT "storageKey", "purgeNote", "mimeType" FROM "IdentityDocument"
         WHERE "requestId" = $1 ORDER BY "uploadedAt"`,
        [request.id],
      )
    ).rows;
  await expect.poll(async () => (await documents()).length).toBe(2);
  expect(await documents()).toEqual([
    { storageKey: null, purgeNote: "MY_NUMBER", mimeType: "image/jpeg" },
    { storageKey: null, purgeNote: "MY_NUMBER", mimeType: "application/pdf" },
  ]);

  // Staff have nothing to open: the request still waits for a document.
  const staff = await signInElsewhere("STAFF");
  await staff.page.goto(`/ja/staff/requests/${request.reference}`);
  await expect(staff.page.getByTestId("status")).toHaveText("本人確認書類の提出待ち");
});
