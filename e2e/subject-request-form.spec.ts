import { expect, test } from "./support/fixtures";
import { sql } from "./support/db";

test("field errors are in English on the English form, and the server agrees", async ({
  page,
  signIn,
}) => {
  await signIn("SUBJECT", { withSubject: true });
  await page.goto("/en/me/requests/new/disclosure");
  await page.getByLabel("Family name", { exact: true }).fill("");
  await page.getByLabel("Given name (katakana)").fill("taro");
  await page.getByLabel("Format").selectOption("PAPER");
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page.getByText("This field is required")).toBeVisible();
  await expect(page.getByText("Use katakana")).toBeVisible();
  await expect(page.getByText("Enter the address to post to")).toBeVisible();
});

test("a double-submitted form files one request", async ({ page, signIn }) => {
  const person = await signIn("SUBJECT", { withSubject: true });
  await page.goto("/ja/me/requests/new/disclosure");
  await page.getByRole("button", { name: "請求する" }).dblclick();
  await expect(page).toHaveURL(/\/ja\/me\/requests\/R-\d{4}-\d{6}/);
  const { rows } = await sql().query(
    `SELECT count(*)::int AS n FROM "Request" WHERE "filedById" = $1`,
    [person.id],
  );
  expect(rows[0].n).toBe(1);
});

test("a new person who is not yet a known subject can file, and is recorded as one", async ({
  page,
  signIn,
}) => {
  const person = await signIn("SUBJECT");
  await page.goto("/ja/me");
  await expect(
    page.getByText("このメールアドレスに結び付いた個人データはまだありません。", { exact: false }),
  ).toBeVisible();
  await page.goto("/ja/me/requests/new/disclosure");
  await page.getByLabel("姓", { exact: true }).fill("新規");
  await page.getByLabel("名", { exact: true }).fill("花");
  await page.getByLabel("セイ（カタカナ）").fill("シンキ");
  await page.getByLabel("メイ（カタカナ）").fill("ハナ");
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page).toHaveURL(/\/ja\/me\/requests\/R-\d{4}-\d{6}/);
  const { rows } = await sql().query(`SELECT "familyName" FROM "Subject" WHERE "userId" = $1`, [
    person.id,
  ]);
  expect(rows[0].familyName).toBe("新規");
});
