import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { identity } from "../lib/i18n/messages/sections/identity";
import {
  fakeJpeg,
  jpegWithGps,
  noisyJpeg,
  pdfWithEmbeddedFile,
  pdfWithJavaScript,
  pngImage,
} from "../lib/identity/test-fixtures";
import { insertRequest, sql, type createUser } from "./support/db";
import { expect, test } from "./support/fixtures";

// A subject sends identity documents on their request page: valid files are listed, each refusal
// rule shows its translated reason and stores nothing. The endpoint alone: subject-identity-endpoint.

const MB = 1024 * 1024;
type Person = Awaited<ReturnType<typeof createUser>>;

async function documentCount(requestId: string): Promise<number> {
  const { rows } = await sql().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "IdentityDocument" WHERE "requestId" = $1`,
    [requestId],
  );
  return rows[0]!.n;
}

/** A request of the signed-in subject waiting for identity documents, opened on its page. */
async function openRequest(page: Page, me: Person, locale: "ja" | "en") {
  const request = await insertRequest({
    subjectId: me.subjectId!,
    filedById: me.id,
    status: "AWAITING_IDENTITY",
  });
  await page.goto(`/${locale}/me/requests/${request.reference}`);
  const panel = page.getByRole("region", { name: identity[locale].title });
  await expect(panel).toBeVisible();
  return { request, panel };
}

async function send(
  page: Page,
  locale: "ja" | "en",
  file: { name: string; mimeType: string; buffer: Buffer },
  kind?: string,
) {
  const text = identity[locale];
  const panel = page.getByRole("region", { name: text.title });
  if (kind) await panel.getByLabel(text.upload.kindLabel).selectOption(kind);
  await panel.getByLabel(text.upload.fileLabel, { exact: true }).setInputFiles(file);
  await panel.getByRole("button", { name: text.upload.submit }).click();
}

test("a subject sends a JPEG and sees it listed, after the My Number warning", async ({
  page,
  signIn,
}) => {
  const { request, panel } = await openRequest(
    page,
    await signIn("SUBJECT", { withSubject: true }),
    "ja",
  );
  const text = identity.ja;
  await expect(panel.getByRole("note")).toContainText(text.warning.myNumber);
  await expect(panel.getByRole("note")).toContainText(text.warning.healthInsurance);
  await expect(panel.getByText(text.empty)).toBeVisible();

  await send(
    page,
    "ja",
    { name: "免許証.jpg", mimeType: "image/jpeg", buffer: await jpegWithGps() },
    "DRIVERS_LICENSE",
  );
  await expect(panel.getByRole("status")).toHaveText(text.upload.done);
  const table = panel.getByRole("table", { name: text.listTitle });
  await expect(table.getByRole("cell", { name: text.kind.DRIVERS_LICENSE })).toBeVisible();
  await expect(table.getByRole("cell", { name: text.owner.SUBJECT })).toBeVisible();
  // The person's own file name is neither stored nor shown.
  await expect(page.getByText("免許証.jpg")).toHaveCount(0);
  expect(await documentCount(request.id)).toBe(1);

  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
});

test("each refusal rule shows its reason and stores nothing", async ({ page, signIn }) => {
  const { request, panel } = await openRequest(
    page,
    await signIn("SUBJECT", { withSubject: true }),
    "ja",
  );
  const errors = identity.ja.errors;
  const cases = [
    {
      name: "photo.jpg",
      mimeType: "image/jpeg",
      buffer: fakeJpeg(),
      reason: errors.unsupportedType,
    },
    {
      name: "id.pdf",
      mimeType: "application/pdf",
      buffer: pdfWithJavaScript(),
      reason: errors.pdfScript,
    },
    {
      name: "id.pdf",
      mimeType: "application/pdf",
      buffer: pdfWithEmbeddedFile(),
      reason: errors.pdfEmbeddedFile,
    },
    {
      name: "big.png",
      mimeType: "image/png",
      buffer: Buffer.alloc(11 * MB, 1),
      reason: errors.tooLarge,
    },
  ];
  for (const { reason, ...file } of cases) {
    await send(page, "ja", file);
    await expect(panel.getByText(reason)).toBeVisible();
    expect(await documentCount(request.id)).toBe(0);
  }
  await expect(panel.getByText(identity.ja.empty)).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test("in English: a PNG is accepted and a text file named .jpg is refused", async ({
  page,
  signIn,
}) => {
  const { request, panel } = await openRequest(
    page,
    await signIn("SUBJECT", { withSubject: true }),
    "en",
  );
  const text = identity.en;
  await send(page, "en", { name: "scan.jpg", mimeType: "image/jpeg", buffer: fakeJpeg() });
  await expect(panel.getByText(text.errors.unsupportedType)).toBeVisible();
  await send(
    page,
    "en",
    { name: "card.png", mimeType: "image/png", buffer: await pngImage() },
    "RESIDENCE_CARD",
  );
  await expect(panel.getByRole("cell", { name: text.kind.RESIDENCE_CARD })).toBeVisible();
  expect(await documentCount(request.id)).toBe(1);
});

test("on a slow connection the upload shows how far it has got, in per cent", async ({
  page,
  signIn,
}) => {
  const { request, panel } = await openRequest(
    page,
    await signIn("SUBJECT", { withSubject: true }),
    "ja",
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 64 * 1024,
  });
  const file = await noisyJpeg(800, 600);
  expect(file.length).toBeGreaterThan(150 * 1024);
  await send(
    page,
    "ja",
    { name: "passport.jpg", mimeType: "image/jpeg", buffer: file },
    "PASSPORT",
  );
  const progress = panel.getByTestId("progress");
  await expect(progress).toHaveText(/^\d{1,3}%$/);
  await expect(
    progress.getByRole("progressbar", { name: identity.ja.upload.progressLabel }),
  ).toBeVisible();
  await expect(panel.getByRole("status")).toHaveText(identity.ja.upload.done, { timeout: 30_000 });
  await expect(progress).toHaveCount(0);
  expect(await documentCount(request.id)).toBe(1);
  // The document moved the request to review: the panel stays in place and keeps its message.
  await expect(page.getByTestId("status")).toHaveText("本人確認中");
  await expect(panel.getByRole("status")).toHaveText(identity.ja.upload.done);
});
