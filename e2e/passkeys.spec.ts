import AxeBuilder from "@axe-core/playwright";

import { createUser, sql, uniqueEmail } from "./support/db";
import { expect, test } from "./support/fixtures";
import { signInByEmail } from "./support/mail";
import { storedCredentials, virtualAuthenticator } from "./support/passkeys";

// Passkeys (issue 13), walked in Chromium with its WebAuthn virtual authenticator: staff register
// one at first sign-in and keep recovery codes; a mail link alone is nobody; a passkey signs in
// without mail; a recovery code stands in once; step-up asks again after 10 minutes; an admin
// revokes; subjects add one and the download re-authentication accepts it.

test.beforeEach(({ browserName: _browser }, testInfo) => {
  test.skip(testInfo.project.name !== "postgres", "PostgreSQL only");
});

const actions = async (userId: string) =>
  (
    await sql().query<{ action: string }>(
      `SELECT action FROM "AuditEvent" WHERE "actorId" = $1 AND action LIKE 'passkey.%' ORDER BY id`,
      [userId],
    )
  ).rows.map((r) => r.action);

test("staff register a passkey at first sign-in, keep the codes, and sign in with it alone", async ({
  page,
}, testInfo) => {
  const staff = await createUser("STAFF");
  await virtualAuthenticator(page);

  // The mail link is the first factor: before the passkey the session is nobody.
  await page.goto("/ja/sign-in");
  await page.getByLabel("メールアドレス").fill(staff.email);
  const since = new Date(Date.now() - 1000);
  await page.getByRole("button", { name: "ログインリンクを送る" }).click();
  await expect(page).toHaveURL(/\/ja\/sign-in\/check-email/);
  const { waitForMail } = await import("./support/mail");
  const mail = await waitForMail({
    page,
    testInfo,
    to: staff.email,
    since,
    pattern: /callback\/nodemailer/,
  });
  await page.goto(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/.exec(mail)![0]);
  await expect(page).toHaveURL(/\/ja\/sign-in\/passkey$/);
  await expect(page.getByRole("heading", { name: "パスキーを登録してください" })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.goto("/ja/staff");
  await expect(page).toHaveURL(/\/ja\/sign-in\/passkey$/);
  expect(
    (await page.request.get("/ja/manager/export?from=2026-01-01&to=2026-01-31")).status(),
  ).toBe(401);
  // It may still sign out.
  await expect(page.getByRole("button", { name: "ログアウト" })).toBeVisible();

  await page.getByRole("button", { name: "パスキーを登録する" }).click();
  const codes = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await expect(codes.first()).toHaveText(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole("button", { name: "控えました。続ける" }).click();
  await expect(page).toHaveURL(/\/ja\/staff$/);
  expect(await storedCredentials(page)).toHaveLength(1);

  // Signed out, the passkey alone signs in again (no mail).
  await page.getByRole("button", { name: "ログアウト" }).click();
  await page.goto("/ja/sign-in");
  await page.getByRole("button", { name: "パスキーでログイン" }).click();
  await expect(page).toHaveURL(/\/ja\/staff$/);
  // The account page lists it and the codes left.
  await page.getByRole("link", { name: "アカウント" }).click();
  await expect(page.getByRole("table", { name: "登録済みのパスキー" })).toContainText("パスキー");
  await expect(page.getByText("未使用のリカバリーコード：10個")).toBeVisible();
  expect(await actions(staff.id)).toEqual(["passkey.registered", "passkey.used"]);
});

test("a lost passkey: a recovery code lets staff in once, and they register a new one", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  const staff = await createUser("MANAGER");
  await signInByEmail(page, testInfo, staff.email);
  await page.getByRole("link", { name: "アカウント" }).click();
  // The codes were shown once at registration; make new ones to know one here.
  await page.getByRole("button", { name: "リカバリーコードを作り直す" }).click();
  const code = (
    await page.getByTestId("recovery-codes").getByRole("listitem").first().innerText()
  ).trim();
  await page.getByRole("button", { name: "控えました。続ける" }).click();

  // A new browser: the mail link leads to the passkey step, which this device cannot answer.
  const context = await browser.newContext({ baseURL });
  const other = await context.newPage();
  await virtualAuthenticator(other);
  const since = new Date(Date.now() - 1000);
  await other.goto("/ja/sign-in");
  await other.getByLabel("メールアドレス").fill(staff.email);
  await other.getByRole("button", { name: "ログインリンクを送る" }).click();
  const { waitForMail } = await import("./support/mail");
  const mail = await waitForMail({
    page: other,
    testInfo,
    to: staff.email,
    since,
    pattern: /callback\/nodemailer/,
  });
  await other.goto(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/.exec(mail)![0]);
  await expect(other).toHaveURL(/\/ja\/sign-in\/passkey$/);
  await other.getByText("パスキーを使えない場合").click();
  await other.getByLabel("リカバリーコード").fill("aaaaa-aaaaa");
  await other.getByRole("button", { name: "リカバリーコードで続ける" }).click();
  await expect(
    other.getByText("リカバリーコードが正しくないか、すでに使われています。"),
  ).toBeVisible();
  await other.getByLabel("リカバリーコード").fill(code);
  await other.getByRole("button", { name: "リカバリーコードで続ける" }).click();
  await expect(other.getByText(/リカバリーコードを使いました（残り9個）/)).toBeVisible();
  await other.getByRole("button", { name: "パスキーを登録する" }).click();
  await expect(other).toHaveURL(/\/ja\/staff$/);
  expect(await storedCredentials(other)).toHaveLength(1);
  await context.close();
  const log = await actions(staff.id);
  expect(log).toContain("passkey.recovered");
  expect(log.filter((a) => a === "passkey.registered")).toHaveLength(2);
});

test("after 10 minutes a settings change asks for the passkey, confirmed in place", async ({
  page,
  signIn,
}) => {
  const manager = await signIn("MANAGER");
  await virtualAuthenticator(page);
  await page.goto("/ja/account");
  await page.getByLabel("パスキーの名前").fill("仕事用PC");
  await page.getByRole("button", { name: "パスキーを追加する" }).click();
  await page.getByRole("button", { name: "控えました。続ける" }).click();
  await expect(page.getByRole("table", { name: "登録済みのパスキー" })).toContainText("仕事用PC");

  // Eleven minutes later…
  await sql().query(
    `UPDATE "Session" SET "passkeyAt" = now() - interval '11 minutes' WHERE "userId" = $1`,
    [manager.id],
  );
  await page.goto("/ja/manager/settings/staff");
  const newcomer = uniqueEmail("stepup");
  const form = page.getByRole("form", { name: "担当者を追加" });
  await form.getByLabel("氏名").fill("段階 確認");
  await form.getByLabel("メールアドレス").fill(newcomer);
  await form.getByLabel("役割").selectOption("STAFF");
  await form.getByRole("button", { name: "追加" }).click();
  await expect(form.locator("p.alert")).toContainText("10分以内のパスキーによる確認が必要です");
  expect((await sql().query(`SELECT 1 FROM "User" WHERE email = $1`, [newcomer])).rowCount).toBe(0);
  await form.getByRole("button", { name: "パスキーで確認する" }).click();
  await expect(form.getByText("確認しました。もう一度操作してください。")).toBeVisible();
  await form.getByRole("button", { name: "追加" }).click();
  await expect(page.getByText("担当者を追加しました。")).toBeVisible();
  expect(await actions(manager.id)).toEqual(["passkey.registered", "passkey.used"]);
});

test("an admin revokes a staff member's passkeys; they register anew at the next sign-in", async ({
  page,
  signIn,
}, testInfo) => {
  await signIn("ADMIN");
  // A staff member with a passkey, signed in elsewhere.
  const staff = await createUser("STAFF");
  const { signInByEmail: byMail } = await import("./support/mail");
  const context = await page
    .context()
    .browser()!
    .newContext({ baseURL: testInfo.project.use.baseURL });
  const theirs = await context.newPage();
  await byMail(theirs, testInfo, staff.email);
  await expect(theirs).toHaveURL(/\/ja\/staff$/);

  await page.goto("/ja/manager/settings/staff");
  const row = page.getByTestId("staff-accounts").locator(`tr[data-id="${staff.id}"]`);
  await expect(row).toContainText("1個");
  await row.getByRole("button", { name: `${staff.email} のパスキーを失効` }).click();
  await expect(row.getByText("パスキーを失効させました。")).toBeVisible();
  expect(
    (await new AxeBuilder({ page }).include("[data-testid=staff-accounts]").analyze()).violations,
  ).toEqual([]);

  // Their session ended with it.
  await theirs.goto("/ja/staff");
  await expect(theirs).toHaveURL(/\/ja\/sign-in$/);
  await context.close();
  const revoked = await sql().query(
    `SELECT 1 FROM "AuditEvent" WHERE action = 'passkey.revoked' AND "entityId" = $1`,
    [staff.id],
  );
  expect(revoked.rowCount).toBe(1);
});

test("subjects add a passkey, sign in with it, and the download re-authentication accepts it", async ({
  page,
  signIn,
}) => {
  const subject = await signIn("SUBJECT", { withSubject: true });
  await virtualAuthenticator(page);
  await page.goto("/ja/account");
  await expect(page.getByText("パスキーはまだ登録されていません。")).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByLabel("パスキーの名前").fill("私のスマホ");
  await page.getByRole("button", { name: "パスキーを追加する" }).click();
  await expect(page.getByText("パスキーを登録しました。")).toBeVisible();
  // No recovery codes for subjects: the mail link is their way back.
  await expect(page.getByTestId("recovery-codes")).toHaveCount(0);
  await expect(page.getByRole("table", { name: "登録済みのパスキー" })).toContainText("私のスマホ");

  await page.getByRole("button", { name: "ログアウト" }).click();
  await page.goto("/ja/sign-in");
  await page.getByRole("button", { name: "パスキーでログイン" }).click();
  await expect(page).toHaveURL(/\/ja\/me$/);

  // An old sign-in: the re-authentication page offers the passkey beside the mail link.
  await sql().query(
    `UPDATE "Session" SET "authenticatedAt" = now() - interval '1 hour' WHERE "userId" = $1`,
    [subject.id],
  );
  await page.goto("/ja/me/reauth?next=/ja/me/data");
  await page.getByRole("button", { name: "パスキーで確認する" }).click();
  await page.waitForURL((url) => url.pathname === "/ja/me/data");
  const fresh = await sql().query<{ recent: boolean }>(
    `SELECT max("authenticatedAt") > now() - interval '1 minute' AS recent FROM "Session" WHERE "userId" = $1`,
    [subject.id],
  );
  expect(fresh.rows[0]!.recent).toBe(true);

  // Removing it leaves none (subjects may).
  await page.goto("/ja/account");
  await page.getByRole("button", { name: "パスキー「私のスマホ」を削除" }).click();
  await expect(page.getByText("パスキーはまだ登録されていません。")).toBeVisible();
  expect(await actions(subject.id)).toEqual([
    "passkey.registered",
    "passkey.used",
    "passkey.used",
    "passkey.removed",
  ]);
});
