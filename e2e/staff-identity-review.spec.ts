import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { identity } from "../lib/i18n/messages/sections/identity";
import { review } from "../lib/i18n/messages/sections/review";
import { cleanPdf, jpegWithGps, pngImage } from "../lib/identity/test-fixtures";
import { actionId, postAction } from "./support/actions";
import { createSession, createUser, insertRequest, requestStatus, sql } from "./support/db";
import { expect, test } from "./support/fixtures";
import { waitForMail } from "./support/mail";
import { expectTranslated } from "./support/staff";

// Staff identity review: the in-page viewer (every view audited), the resubmission loop with the
// requester, closing as unverifiable, the My Number flag, an agent's three checklists, and the
// staff-only document route. Documents are destroyed by the purge job after each decision.

type Locale = "ja" | "en";

const fill = (template: string, params: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "");

async function expectNoViolations(page: Page) {
  await expectTranslated(page);
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

/** The subject sends a document from the identity panel on their request page. */
async function upload(page: Page, locale: Locale, kind: string, buffer: Buffer, mimeType: string) {
  const text = identity[locale];
  const panel = page.getByRole("region", { name: text.title });
  await panel.getByLabel(text.upload.kindLabel).selectOption(kind);
  await panel
    .getByLabel(text.upload.fileLabel, { exact: true })
    .setInputFiles({ name: "document", mimeType, buffer });
  await panel.getByRole("button", { name: text.upload.submit }).click();
  await expect(panel.getByRole("status")).toHaveText(text.upload.done);
}

async function documentsOf(reference: string) {
  const { rows } = await sql().query<{
    id: string;
    purgedAt: Date | null;
    storageKey: string | null;
    myNumberFlaggedAt: Date | null;
  }>(
    `SELECT d.id, d."purgedAt", d."storageKey", d."myNumberFlaggedAt" FROM "IdentityDocument" d
     JOIN "Request" r ON r.id = d."requestId" WHERE r.reference = $1 ORDER BY d."uploadedAt"`,
    [reference],
  );
  return rows;
}

async function viewAudits(documentId: string, actorId: string) {
  const { rows } = await sql().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "AuditEvent"
     WHERE action = 'identity-document.view' AND "entityId" = $1 AND "actorId" = $2`,
    [documentId, actorId],
  );
  return rows[0]!.n;
}

const allPurged = async (reference: string) =>
  (await documentsOf(reference)).every((d) => d.purgedAt !== null && d.storageKey === null);

/** A request of the signed-in subject, in the given status, opened on their page. */
async function myRequest(page: Page, me: { id: string; subjectId?: string }, locale: Locale) {
  const request = await insertRequest({
    subjectId: me.subjectId!,
    filedById: me.id,
    status: "SUBMITTED",
  });
  await sql().query(`UPDATE "Request" SET locale = $1 WHERE id = $2`, [locale, request.id]);
  await page.goto(`/${locale}/me/requests/${request.reference}`);
  return request;
}

test("the resubmission loop: view, ask for new documents, the requester sends again, verify, purge", async ({
  page,
  signIn,
  signInElsewhere,
}, testInfo) => {
  const me = await signIn("SUBJECT", { withSubject: true });
  const text = review.ja;

  // The subject files a disclosure request and sends a driver's licence.
  await page.goto("/ja/me/requests/new/disclosure");
  await page.getByLabel("保有するすべての個人データ").check();
  await page.getByLabel("開示の方法").selectOption("JSON");
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page).toHaveURL(/\/ja\/me\/requests\/R-\d{4}-\d{6}/);
  const reference = (await page.getByTestId("reference").innerText()).trim();
  await upload(page, "ja", "DRIVERS_LICENSE", await jpegWithGps(), "image/jpeg");
  const [first] = await documentsOf(reference);

  // Staff open it in the viewer: the image comes from the staff-only route, and is audited.
  const { page: staff, person: staffer } = await signInElsewhere("STAFF");
  await staff.goto(`/ja/staff/requests/${reference}`);
  const panel = staff.getByRole("region", { name: text.title });
  await expect(panel.getByTestId("known-data")).toContainText("シケン タロウ");
  await panel.getByRole("button", { name: /運転免許証（ご本人、.*）を表示/ }).click();
  const image = panel.getByRole("img", {
    name: fill(text.viewer.imageAlt, { kind: "運転免許証", owner: "ご本人" }),
  });
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  await expect(panel.getByText(text.viewer.audited)).toBeVisible();
  await expect.poll(() => viewAudits(first!.id, staffer.id)).toBe(1);

  const src = (await image.getAttribute("src"))!;
  expect(src).toMatch(new RegExp(`^/api/staff/documents/${first!.id}\\?view=\\d+$`));
  const response = await staff.request.get(src);
  expect(response.status()).toBe(200);
  expect(response.headers()).toMatchObject({
    "content-type": "image/jpeg",
    "cache-control": expect.stringContaining("no-store"),
    "content-disposition": "inline",
    "x-content-type-options": "nosniff",
    "content-security-policy": expect.stringContaining("default-src 'none'"),
  });
  await expect.poll(() => viewAudits(first!.id, staffer.id)).toBe(2);
  await expectNoViolations(staff);

  // Staff ask for new documents with coded reasons and a message.
  const since = new Date();
  await panel.getByLabel(text.reason.UNREADABLE).check();
  await panel.getByLabel(text.reason.EXPIRED).check();
  await panel.getByLabel(text.resubmission.message).fill("明るい場所で撮り直してください。");
  await panel.getByRole("button", { name: text.resubmission.submit }).click();
  await expect(staff.getByTestId("status")).toHaveText("本人確認書類の提出待ち");
  await expect.poll(() => allPurged(reference), { timeout: 20_000 }).toBe(true);

  // The requester reads the reasons in Japanese on their page, and gets a mail.
  await page.reload();
  await expect(page.getByTestId("status")).toHaveText("本人確認書類の提出待ち");
  const messages = page.getByTestId("messages");
  await expect(messages).toContainText(text.reason.UNREADABLE);
  await expect(messages).toContainText(text.reason.EXPIRED);
  await expect(messages).toContainText("明るい場所で撮り直してください。");
  const mail = await waitForMail({
    page,
    testInfo,
    to: me.email,
    since,
    pattern: new RegExp(`${reference}[\\s\\S]*本人確認書類の提出待ち`),
  });
  expect(mail).toContain(reference);
  // The destroyed document is no longer listed for the requester.
  await expect(page.getByText(identity.ja.empty)).toBeVisible();

  // They send a new one: the request goes back to staff for review.
  await upload(page, "ja", "PASSPORT", await pngImage(), "image/png");
  await expect(page.getByTestId("status")).toHaveText("本人確認中");
  expect(await requestStatus(reference)).toBe("IDENTITY_REVIEW");

  await staff.reload();
  const rows = panel.getByTestId("review-documents").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(text.documents.state.purged);
  await expect(rows.nth(1)).toContainText(text.documents.state.stored);
  await expect(panel.getByTestId("review-decisions")).toContainText(text.decisions.result.RESUBMIT);
  await panel.getByRole("button", { name: text.verify.submit }).click();
  await expect(panel.getByText(text.errors.check)).toBeVisible();
  await panel.getByLabel(text.checks.subject).check();
  await panel.getByLabel(text.verify.note).fill("パスポートで照合");
  await panel.getByRole("button", { name: text.verify.submit }).click();
  await expect(staff.getByTestId("status")).toHaveText("対応中");
  expect(await requestStatus(reference)).toBe("IN_PROGRESS");

  // The job destroys the new file too; the record keeps hash and kind.
  await expect.poll(() => allPurged(reference), { timeout: 20_000 }).toBe(true);
  await staff.reload();
  const history = staff.getByRole("region", { name: text.historyTitle });
  await expect(history.getByTestId("review-documents").locator("tbody tr")).toHaveCount(2);
  await expect(history.getByText(text.documents.state.purged)).toHaveCount(2);
  await expect(
    history.getByRole("cell", { name: identity.ja.kind.PASSPORT, exact: true }),
  ).toBeVisible();
  await expect(history.getByRole("button", { name: text.documents.view })).toHaveCount(0);
  await expect(history.getByTestId("review-decisions")).toContainText(
    text.decisions.result.VERIFIED,
  );
  const gone = await staff.request.get(`/api/staff/documents/${first!.id}`);
  expect(gone.status()).toBe(404);
});

test("in English: closing as unverifiable shows the reason and explanation to the requester", async ({
  page,
  signIn,
  signInElsewhere,
}) => {
  const me = await signIn("SUBJECT", { withSubject: true });
  const text = review.en;
  const { reference } = await myRequest(page, me, "en");
  await upload(page, "en", "RESIDENCE_CARD", await pngImage(), "image/png");

  const { page: staff } = await signInElsewhere("STAFF");
  await staff.goto(`/en/staff/requests/${reference}`);
  const panel = staff.getByRole("region", { name: text.title });
  await expect(panel.getByRole("heading", { name: text.viewer.title })).toBeVisible();
  await expectNoViolations(staff);

  await panel.getByRole("button", { name: text.unverifiable.submit }).click();
  await expect(panel.getByText(text.errors.reason)).toBeVisible();
  await panel.getByLabel(text.unverifiable.reasonLabel).selectOption("IDENTITY_MISMATCH");
  await panel
    .getByLabel(text.unverifiable.explanation)
    .fill("The name on the card differs from the name on the request.");
  await panel.getByRole("button", { name: text.unverifiable.submit }).click();
  await expect(staff.getByTestId("status")).toHaveText("Completed");
  await expect(staff.getByRole("region", { name: text.historyTitle })).toContainText(
    text.decisions.result.UNVERIFIABLE,
  );
  await expect.poll(() => allPurged(reference), { timeout: 20_000 }).toBe(true);

  await page.reload();
  await expect(page.getByTestId("outcome")).toHaveText("Identity could not be verified");
  await expect(page.getByTestId("outcome-note")).toHaveText(
    `${text.unverifiable.reason.IDENTITY_MISMATCH}. The name on the card differs from the name on the request.`,
  );
});

test("a document showing a My Number is destroyed at once and a masked copy asked for", async ({
  page,
  signIn,
  signInElsewhere,
}) => {
  const me = await signIn("SUBJECT", { withSubject: true });
  const text = review.ja;
  const { reference } = await myRequest(page, me, "ja");
  await upload(page, "ja", "MY_NUMBER_CARD_FRONT", await jpegWithGps(), "image/jpeg");
  const [document] = await documentsOf(reference);

  const { page: staff } = await signInElsewhere("STAFF");
  await staff.goto(`/ja/staff/requests/${reference}`);
  const panel = staff.getByRole("region", { name: text.title });
  await panel.getByRole("button", { name: text.flag.button }).click();
  const flag = panel.getByRole("form", { name: text.flag.title });
  await flag.getByRole("button", { name: text.flag.submit }).click();
  await expect(flag.getByText(text.errors.confirmFlag)).toBeVisible();
  await flag.getByLabel(text.flag.confirm).check();
  await flag.getByRole("button", { name: text.flag.submit }).click();
  await expect(panel.getByText(text.flag.done)).toBeVisible();
  await expect(staff.getByTestId("status")).toHaveText("本人確認書類の提出待ち");
  await expect(panel.getByTestId(`review-document-${document!.id}`)).toContainText(
    text.documents.state.flagged,
  );

  const [flagged] = await documentsOf(reference);
  expect(flagged!.storageKey).toBeNull();
  expect(flagged!.myNumberFlaggedAt).not.toBeNull();
  expect((await staff.request.get(`/api/staff/documents/${document!.id}`)).status()).toBe(404);

  await page.reload();
  await expect(page.getByTestId("messages")).toContainText(text.reason.MY_NUMBER_VISIBLE);
});

test("an agent's request needs the person, the agent and the authority checked", async ({
  page,
  signIn,
  signInElsewhere,
}) => {
  const me = await signIn("SUBJECT", { withSubject: true });
  const text = review.ja;
  const request = await insertRequest({
    subjectId: me.subjectId!,
    filedById: me.id,
    status: "AWAITING_IDENTITY",
  });
  await sql().query(
    `UPDATE "Request" SET "filerRole" = 'LEGAL_REPRESENTATIVE', "agentDetails" = $1 WHERE id = $2`,
    [
      JSON.stringify({
        relationship: "PARENT_OF_MINOR",
        agent: {
          familyName: "代理",
          givenName: "花子",
          familyNameKana: "ダイリ",
          givenNameKana: "ハナコ",
        },
      }),
      request.id,
    ],
  );
  await page.goto(`/ja/me/requests/${request.reference}`);
  await upload(page, "ja", "AUTHORITY_PROOF", cleanPdf(), "application/pdf");
  expect(await requestStatus(request.reference)).toBe("IDENTITY_REVIEW");

  const { page: staff } = await signInElsewhere("STAFF");
  await staff.goto(`/ja/staff/requests/${request.reference}`);
  const panel = staff.getByRole("region", { name: text.title });
  await expect(panel.getByTestId("known-agent")).toContainText("代理 花子");
  await expect(panel.getByTestId("known-agent")).toContainText("ダイリ ハナコ");

  // A PDF opens in a frame inside the page: framing is allowed for this page's origin only.
  await panel.getByRole("button", { name: /代理権を証する書類.*を表示/ }).click();
  const frame = panel.locator("iframe");
  await expect(frame).toHaveAttribute(
    "title",
    fill(text.viewer.pdfTitle, { kind: identity.ja.kind.AUTHORITY_PROOF, owner: "ご本人" }),
  );
  await expect
    .poll(() => staff.frames().some((f) => f.url().includes("/api/staff/documents/")))
    .toBe(true);
  const pdfFrame = staff.frames().find((f) => f.url().includes("/api/staff/documents/"))!;
  expect(await pdfFrame.evaluate(() => document.contentType)).toBe("application/pdf");
  await expect(panel.getByText(text.viewer.audited)).toBeVisible();
  await panel.getByLabel(text.checks.subject).check();
  await panel.getByRole("button", { name: text.verify.submit }).click();
  await expect(panel.getByText(text.errors.check)).toHaveCount(2);
  expect(await requestStatus(request.reference)).toBe("IDENTITY_REVIEW");
  await panel.getByLabel(text.checks.agent).check();
  await panel.getByLabel(text.checks.authority).check();
  await panel.getByRole("button", { name: text.verify.submit }).click();
  await expect(staff.getByTestId("status")).toHaveText("対応中");
  const { rows } = await sql().query<{ checks: unknown }>(
    `SELECT checks FROM "VerificationDecision" WHERE "requestId" = $1`,
    [request.id],
  );
  expect(rows).toEqual([{ checks: { subject: true, agent: true, authority: true } }]);
});

test("the staff document route answers 404 to a subject, to no one signed in, and to an unknown id", async ({
  page,
  signIn,
  signInElsewhere,
  browser,
  baseURL,
}) => {
  const me = await signIn("SUBJECT", { withSubject: true });
  const { reference } = await myRequest(page, me, "ja");
  await upload(page, "ja", "PASSPORT", await pngImage(), "image/png");
  const [document] = await documentsOf(reference);
  const url = `/api/staff/documents/${document!.id}`;

  // The requester themself may not fetch it through the staff route.
  expect((await page.request.get(url)).status()).toBe(404);
  const anonymous = await browser.newContext({ baseURL });
  expect((await anonymous.request.get(url)).status()).toBe(404);
  await anonymous.close();

  const { page: staff, person } = await signInElsewhere("STAFF");
  expect((await staff.request.get("/api/staff/documents/unknown0000000000000000")).status()).toBe(
    404,
  );
  expect((await staff.request.get(url)).status()).toBe(200);
  const { rows } = await sql().query<{ actorId: string }>(
    `SELECT "actorId" FROM "AuditEvent" WHERE action = 'identity-document.view' AND "entityId" = $1`,
    [document!.id],
  );
  expect(rows).toEqual([{ actorId: person.id }]);
});

test("forged posts of the review actions change nothing: a subject's, and staff skipping an agent's checks", async ({
  request,
  baseURL,
}) => {
  const subject = await createUser("SUBJECT", { withSubject: true });
  const target = await insertRequest({
    subjectId: subject.subjectId!,
    filedById: subject.id,
    status: "IDENTITY_REVIEW",
  });
  await sql().query(`UPDATE "Request" SET "filerRole" = 'APPOINTED_AGENT' WHERE id = $1`, [
    target.id,
  ]);
  const path = `/ja/staff/requests/${target.reference}`;
  const post = async (cookie: string, file: string, name: string, args: unknown) =>
    (
      await postAction(request, {
        baseURL: baseURL!,
        path,
        id: actionId(`lib/actions/staff/${file}.ts`, name),
        cookie,
        args: [args],
      })
    ).text();

  const mine = await createSession(subject.id);
  expect(
    await post(mine, "request-resubmission", "requestResubmission", {
      reference: target.reference,
      reasons: ["OTHER"],
      message: "forged",
    }),
  ).toContain("FORBIDDEN");
  expect(
    await post(mine, "close-unverifiable", "closeUnverifiable", {
      reference: target.reference,
      reason: "OTHER",
      explanation: "forged",
    }),
  ).toContain("FORBIDDEN");

  // A client that claims the request is not an agent's still cannot skip the agent's checks.
  const staff = await createSession((await createUser("STAFF")).id);
  expect(
    await post(staff, "verify-identity", "verifyIdentity", {
      reference: target.reference,
      note: "",
      agent: false,
      checks: { subject: true, agent: false, authority: false },
    }),
  ).toContain("review.errors.checksRequired");

  expect(await requestStatus(target.reference)).toBe("IDENTITY_REVIEW");
  const { rows } = await sql().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "VerificationDecision" WHERE "requestId" = $1`,
    [target.id],
  );
  expect(rows[0]!.n).toBe(0);
});
