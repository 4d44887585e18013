import sharp from "sharp";

import { fakeJpeg, hasGpsIfd, jpegWithGps } from "../lib/identity/test-fixtures";
import { expect, test } from "./support/fixtures";
import { insertItem, insertRequest, requestStatus, sql } from "./support/db";

// Following a request: messages both ways, answering a request for more information, withdrawal.

test("staff ask for more information, the subject answers, internal notes stay internal", async ({
  page,
  signIn,
  signInElsewhere,
  baseURL,
}) => {
  const me = await signIn("SUBJECT", { withSubject: true });
  const { reference } = await insertRequest({
    subjectId: me.subjectId!,
    filedById: me.id,
    status: "SUBMITTED",
  });

  const { page: staff } = await signInElsewhere("STAFF");
  await staff.goto(`${baseURL}/ja/staff/requests/${reference}`);
  await staff
    .getByLabel("メッセージ", { exact: true })
    .fill("ご利用のサービス名を教えてください。");
  await staff.getByLabel(/追加の情報を求める/).check();
  await staff.getByRole("button", { name: "送信する" }).click();
  await expect(staff.getByTestId("status")).toHaveText("追加情報の回答待ち");
  await staff.getByLabel("種類").selectOption("INTERNAL_NOTE");
  await staff.getByLabel("メッセージ", { exact: true }).fill("内部: 過去に同名の請求あり");
  await staff.getByRole("button", { name: "送信する" }).click();
  await expect(staff.getByTestId("messages")).toContainText("内部: 過去に同名の請求あり");

  await page.goto(`/ja/me/requests/${reference}`);
  await expect(page.getByText("担当者が追加の情報を求めています", { exact: false })).toBeVisible();
  await expect(page.getByTestId("messages")).toContainText("ご利用のサービス名を教えてください。");
  await expect(page.getByText("内部: 過去に同名の請求あり")).toHaveCount(0);
  await page.getByRole("button", { name: "送信する" }).click();
  await expect(page.getByText("入力してください")).toBeVisible();
  await page.getByLabel("メッセージ", { exact: true }).fill("予約サービスです。");
  await page.getByRole("button", { name: "送信する" }).click();
  await expect(page.getByTestId("status")).toHaveText("本人確認中");
  await expect(page.getByTestId("messages")).toContainText("予約サービスです。");
  expect(await requestStatus(reference)).toBe("IDENTITY_REVIEW");

  // A conversation: the reader's own messages on their side, the other party's on the other.
  const side = (p: typeof page, text: string) =>
    p.getByTestId("messages").getByRole("listitem").filter({ hasText: text });
  await expect(side(page, "予約サービスです。")).toHaveAttribute("data-side", "mine");
  await expect(side(page, "ご利用のサービス名を教えてください。")).toHaveAttribute(
    "data-side",
    "theirs",
  );

  await staff.reload();
  await expect(staff.getByTestId("messages")).toContainText("予約サービスです。");
  await expect(side(staff, "予約サービスです。")).toHaveAttribute("data-side", "theirs");
  await expect(side(staff, "ご利用のサービス名を教えてください。")).toHaveAttribute(
    "data-side",
    "mine",
  );
  await expect(side(staff, "内部: 過去に同名の請求あり")).toHaveAttribute(
    "data-direction",
    "INTERNAL_NOTE",
  );
});

test("the requester withdraws an open request after confirming in a dialog", async ({
  page,
  signIn,
}) => {
  const me = await signIn("SUBJECT", { withSubject: true });
  const { reference } = await insertRequest({
    subjectId: me.subjectId!,
    filedById: me.id,
    status: "IN_PROGRESS",
  });
  await page.goto(`/en/me/requests/${reference}`);
  // The first click only asks: cancelling leaves the request as it was.
  await page.getByRole("button", { name: "Withdraw" }).click();
  const dialog = page.getByRole("dialog", { name: `Withdraw ${reference}?` });
  await expect(dialog).toContainText("cannot be resumed");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await requestStatus(reference)).toBe("IN_PROGRESS");
  // Escape closes it too; the focus comes back to the button that opened it.
  const open = page.getByRole("button", { name: "Withdraw" });
  await open.click();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  await open.click();
  await dialog.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByTestId("status")).toHaveText("Withdrawn");
  await expect(page.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
  await expect(page.locator("ol.timeline").first()).toContainText("Request withdrawn");
  expect(await requestStatus(reference)).toBe("WITHDRAWN");
});

test("a released result downloads after a recent sign-in, is logged, and then expires", async ({
  page,
  signIn,
  signInElsewhere,
  baseURL,
}) => {
  const me = await signIn("SUBJECT", { withSubject: true });
  await insertItem({
    subjectId: me.subjectId!,
    system: "members",
    category: "phone",
    field: "電話番号",
    value: "090-1234-5678",
  });
  const { id, reference } = await insertRequest({
    subjectId: me.subjectId!,
    filedById: me.id,
    status: "IN_PROGRESS",
  });

  const { page: staff } = await signInElsewhere("STAFF");
  await staff.goto(`${baseURL}/ja/staff/requests/${reference}`);
  // A disclosure is answered with the package staff build.
  await staff.getByRole("button", { name: "パッケージを作成する" }).click();
  await expect(staff.getByText("パッケージを作成しました（1件の項目）。")).toBeVisible();
  await staff.getByLabel("請求者への回答").fill("保有個人データをお送りします。");
  await staff.getByRole("button", { name: "完了する" }).click();
  await expect(staff.getByTestId("status")).toHaveText("完了");

  await page.goto(`/ja/me/requests/${reference}`);
  const link = page.getByRole("link", { name: "JSON形式でダウンロード" });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const body = await (await download.createReadStream()).toArray();
  const content = JSON.parse(Buffer.concat(body).toString("utf8"));
  expect(content.reference).toBe(reference);
  expect(JSON.stringify(content.items)).toContain("090-1234-5678");
  const logged = await sql().query(
    `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'package.download' AND "requestId" = $1`,
    [id],
  );
  expect(logged.rows[0].n).toBe(1);

  // An old sign-in is not enough: the person is asked to sign in again.
  await sql().query(
    `UPDATE "Session" SET "authenticatedAt" = now() - interval '1 hour' WHERE "userId" = $1`,
    [me.id],
  );
  const href = await link.getAttribute("href");
  await page.goto(href!);
  await expect(page).toHaveURL(/\/ja\/me\/reauth/);
  await expect(page.getByRole("heading", { name: "もう一度ログインしてください" })).toBeVisible();

  // After its expiry the result is no longer released.
  await sql().query(`UPDATE "Session" SET "authenticatedAt" = now() WHERE "userId" = $1`, [me.id]);
  await sql().query(
    `UPDATE "ResponsePackage" SET "expiresAt" = now() - interval '1 minute' WHERE "requestId" = $1`,
    [id],
  );
  await page.goto(href!);
  await expect(page.getByText("ダウンロードの期限が切れています", { exact: false })).toBeVisible();
  await expect(page.getByRole("link", { name: "JSON形式でダウンロード" })).toHaveCount(0);
  const after = await sql().query(
    `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'package.download' AND "requestId" = $1`,
    [id],
  );
  expect(after.rows[0].n).toBe(1);
});

test("messages carry attachments under the upload rules, readable by staff", async ({
  page,
  signIn,
  signInElsewhere,
  baseURL,
}) => {
  const me = await signIn("SUBJECT", { withSubject: true });
  const { reference } = await insertRequest({
    subjectId: me.subjectId!,
    filedById: me.id,
    status: "IN_PROGRESS",
  });
  await page.goto(`/ja/me/requests/${reference}`);

  await page.getByLabel("メッセージ", { exact: true }).fill("書類を添付します。");
  await page
    .getByLabel("添付ファイル（任意）")
    .setInputFiles({ name: "scan.jpg", mimeType: "image/jpeg", buffer: fakeJpeg() });
  await page.getByRole("button", { name: "送信する" }).click();
  await expect(page.locator("#message-file-error")).toBeVisible();
  await expect(page.getByTestId("messages")).toHaveCount(0);

  await page
    .getByLabel("添付ファイル（任意）")
    .setInputFiles({ name: "住民票.jpg", mimeType: "image/jpeg", buffer: await jpegWithGps() });
  await page.getByRole("button", { name: "送信する" }).click();
  await expect(page.getByTestId("messages")).toContainText("書類を添付します。");
  await expect(page.getByRole("link", { name: "添付: 住民票.jpg" })).toBeVisible();

  const { page: staff } = await signInElsewhere("STAFF");
  await staff.goto(`${baseURL}/ja/staff/requests/${reference}`);
  const href = await staff.getByRole("link", { name: "添付: 住民票.jpg" }).getAttribute("href");
  const response = await staff.request.get(`${baseURL}${href}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/jpeg");
  const body = await response.body();
  expect(body.subarray(0, 3).toString("hex")).toBe("ffd8ff");
  expect(hasGpsIfd((await sharp(body).metadata()).exif)).toBe(false);

  // Someone else cannot open it.
  const stranger = await signInElsewhere("SUBJECT", { withSubject: true });
  expect((await stranger.context.request.get(`${baseURL}${href}`)).status()).toBe(404);
});
