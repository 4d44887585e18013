import { expect, test } from "./support/fixtures";
import { insertConsent, insertItem } from "./support/db";

// Each of the six request types filed by a subject through the wizard, plus an agent's request.

const REF = /\/me\/requests\/R-\d{4}-\d{6}/;

test("provision records for one foreign recipient, as a PDF", async ({ page, signIn }) => {
  await signIn("SUBJECT", { withSubject: true });
  await page.goto("/ja/me/requests/new");
  await page.getByRole("link", { name: "第三者提供記録の開示" }).click();
  await page.getByLabel("AdReach, Inc.（外国にある第三者）").check();
  await page.getByLabel("対象期間（開始）").fill("2025-01-01");
  await page.getByLabel("対象期間（終了）").fill("2024-01-01");
  await page.getByLabel("開示の方法").selectOption("PDF");
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page.getByText("終了日は開始日以降にしてください")).toBeVisible();
  await page.getByLabel("対象期間（終了）").fill("2026-01-01");
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page).toHaveURL(REF);
  await expect(page.getByText("請求を受け付けました").first()).toBeVisible();
  await expect(page.getByTestId("request-details")).toContainText("AdReach, Inc.");
  await expect(page.getByTestId("request-details")).toContainText("PDF");
});

test("purpose notification by post needs an address", async ({ page, signIn }) => {
  await signIn("SUBJECT", { withSubject: true });
  await page.goto("/ja/me/requests/new/purpose-notification");
  await page.getByLabel("通知の方法").selectOption("PAPER");
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page.getByText("郵送の場合は住所を入力してください")).toBeVisible();
  await page.getByLabel("郵送先の住所").fill("東京都千代田区千代田1-1");
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page).toHaveURL(REF);
  await expect(page.getByTestId("request-details")).toContainText("東京都千代田区千代田1-1");
});

test("correction of a known item, with a reason", async ({ page, signIn }) => {
  const me = await signIn("SUBJECT", { withSubject: true });
  await insertItem({
    subjectId: me.subjectId!,
    system: "members",
    category: "address",
    field: "住所",
    value: "東京都港区1-1",
  });
  await page.goto("/ja/me/requests/new/correction");
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page.getByText("入力してください").first()).toBeVisible();
  await page.getByLabel("対象の項目").selectOption({ label: "住所（会員基盤）: 東京都港区1-1" });
  await page.getByLabel("正しい内容").fill("東京都港区2-2");
  await page.getByLabel("理由", { exact: true }).fill("転居したため");
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page).toHaveURL(REF);
  await expect(page.getByTestId("request-details")).toContainText("東京都港区2-2");
  await expect(page.getByTestId("request-details")).toContainText("転居したため");
});

test("suspension of use: a purpose the law requires cannot be chosen", async ({ page, signIn }) => {
  await signIn("SUBJECT", { withSubject: true });
  await page.goto("/ja/me/requests/new/suspension-erasure");
  const fixed = page.getByLabel(/サービスの安全な運営に必要な不正対策/);
  await expect(fixed).toBeDisabled();
  // Greyed out, and saying why, in words read with the choice itself.
  await expect(fixed).toHaveAccessibleDescription(
    "割賦販売法によりクレジットカードの不正利用対策が義務付けられているため、この目的での利用は停止できません。",
  );
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page.getByText("利用目的を1つ以上選んでください")).toBeVisible();
  await page.getByLabel("各種サービスの提案・情報提供・広告配信").check();
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page).toHaveURL(REF);
  await expect(page.getByTestId("request-details")).toContainText(
    "各種サービスの提案・情報提供・広告配信",
  );
});

test("erasure shows what the law keeps before it can be confirmed", async ({ page, signIn }) => {
  const me = await signIn("SUBJECT", { withSubject: true });
  await insertItem({
    subjectId: me.subjectId!,
    system: "members",
    category: "email",
    field: "メール",
    value: "x@example.jp",
  });
  await insertItem({
    subjectId: me.subjectId!,
    system: "payments",
    category: "payment_history",
    field: "決済",
    value: "¥3,000",
    legalHoldReason: "法人税法による7年間の保存義務",
  });
  await page.goto("/ja/me/requests/new/suspension-erasure");
  await page.getByLabel("消去", { exact: true }).check();
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page.getByText("消去の確認を行い、チェックを入れてください")).toBeVisible();
  await page.getByRole("button", { name: "消去の対象と保存されるものを確認" }).click();
  const preview = page.getByTestId("erasure-preview");
  await expect(preview).toContainText("対象となる個人データ: 2件");
  await expect(preview).toContainText("法人税法による7年間の保存義務");
  await page.getByLabel("上記の内容を確認しました").check();
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page).toHaveURL(REF);
  await expect(page.getByTestId("request-details")).toContainText("すべての個人データ");
});

test("stop provision to a recipient class, in English", async ({ page, signIn }) => {
  await signIn("SUBJECT", { withSubject: true });
  await page.goto("/en/me/requests/new");
  await page.getByRole("link", { name: "Stop third-party provision" }).click();
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page.getByText("Choose at least one recipient or recipient class")).toBeVisible();
  await page.getByLabel("Third party abroad", { exact: true }).check();
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(/\/en\/me\/requests\/R-/);
  await expect(page.getByTestId("request-details")).toContainText("Third party abroad");
  await expect(page.getByTestId("status")).toHaveText("Received");
});

test("an appointed agent files for someone else; staff see the agent", async ({
  page,
  signIn,
  signInElsewhere,
  baseURL,
}) => {
  await signIn("SUBJECT");
  await page.goto("/ja/me/requests/new/disclosure");
  await page.getByLabel("任意代理人として請求する（委任状による）").check();
  await expect(page.getByText("代理権を証明する書類", { exact: false })).toBeVisible();
  const person = page.getByRole("group", { name: "ご本人（請求の対象となる方）" });
  const agent = page.getByRole("group", { name: "代理人（あなた）" });
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(person.getByText("入力してください").first()).toBeVisible();
  await person.getByLabel("姓", { exact: true }).fill("山田");
  await person.getByLabel("名", { exact: true }).fill("一郎");
  await agent.getByLabel("姓", { exact: true }).fill("代理");
  await agent.getByLabel("名", { exact: true }).fill("花子");
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page).toHaveURL(REF);
  await expect(page.getByText("任意代理人")).toBeVisible();
  const reference = (await page.getByTestId("reference").innerText()).trim();

  const { page: staff } = await signInElsewhere("STAFF");
  await staff.goto(`${baseURL}/ja/staff/requests/${reference}`);
  await expect(staff.getByTestId("agent-name")).toContainText("代理 花子");
  // The person the agent acts for, beside the documents to match them against.
  await expect(staff.getByTestId("known-data").getByText("山田 一郎")).toBeVisible();
});

test("withdrawing a consent link files a stop-provision request for its recipient", async ({
  page,
  signIn,
}) => {
  const me = await signIn("SUBJECT", { withSubject: true });
  await insertConsent({
    subjectId: me.subjectId!,
    recipient: "points-connect",
    kind: "POINTS_LINK",
    descriptionJa: "ポイント連携",
  });
  await page.goto("/ja/me/data");
  await page.getByRole("link", { name: "同意を撤回する（請求の手続きへ）" }).click();
  await expect(page).toHaveURL(/\/ja\/me\/requests\/new\/stop-provision\?recipient=points-connect/);
  const preselected = page.locator('input[name="details.recipientKeys"][value="points-connect"]');
  await expect(preselected).toBeChecked();
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page).toHaveURL(REF);
  await expect(page.getByTestId("request-details")).toContainText("株式会社ポイントコネクト");
});
