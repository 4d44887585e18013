import { expect, test } from "@playwright/test";

import { signInByEmail, waitForMail } from "./support/mail";

// The foundation's path, end to end, on both database modes: a demo subject files a disclosure
// request, staff verify identity and complete it, the subject sees the result and the timeline.
const SUBJECT = "hanako.sato@example.jp";
const STAFF = "staff@example.jp";

function jstDatePlus(days: number) {
  return new Intl.DateTimeFormat("ja-JP", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "short",
    day: "numeric",
  }).format(new Date(Date.now() + days * 86_400_000));
}

test("a disclosure request travels from the subject to staff and back", async ({
  page,
}, testInfo) => {
  // Three sign-ins by mail, a fulfilment across every kind of system and a package: about 45 s
  // alone, a minute or more beside the rest of the suite.
  test.setTimeout(150_000);
  await signInByEmail(page, testInfo, SUBJECT);
  await expect(page).toHaveURL(/\/ja\/me$/);
  await expect(page.getByRole("heading", { level: 1, name: "マイページ" })).toBeVisible();
  await expect(page.getByText("佐藤 花子 さん")).toBeVisible();
  await expect(page.getByRole("heading", { name: "当社が保有するあなたの情報" })).toBeVisible();
  await expect(page.getByText(/これまでに\d+回提供しました/)).toBeVisible();

  await page.getByRole("link", { name: "新しい請求をする" }).click();
  await page.getByRole("link", { name: "保有個人データの開示" }).click();
  await expect(page.getByLabel("姓", { exact: true })).toHaveValue("佐藤");

  // Bad input: translated field errors from the shared schema, nothing filed.
  await page.getByLabel("姓", { exact: true }).fill("");
  await page.getByLabel("選んだ項目のみ").check();
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page.getByText("入力してください")).toBeVisible();
  await expect(page.getByText("項目を1つ以上選んでください")).toBeVisible();

  await page.getByLabel("姓", { exact: true }).fill("佐藤");
  await page.getByLabel("保有するすべての個人データ").check();
  await page.getByLabel("開示の方法").selectOption("CSV");
  await expect(page.getByText("マイナンバー（個人番号）は記入しないでください。")).toBeVisible();
  const since = new Date();
  await page.getByRole("button", { name: "請求する" }).click();
  await expect(page).toHaveURL(/\/ja\/me\/requests\/R-\d{4}-\d{6}/);
  const reference = (await page.getByTestId("reference").innerText()).trim();
  await expect(page.getByTestId("status")).toHaveText("受付済み");
  await expect(page.getByTestId("due")).toContainText(jstDatePlus(10));

  const ack = await waitForMail({
    page,
    testInfo,
    to: SUBJECT,
    since,
    pattern: new RegExp(reference),
  });
  expect(ack).toContain("ご請求を受け付けました");

  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page.getByRole("link", { name: "ログイン", exact: true })).toBeVisible();

  await signInByEmail(page, testInfo, STAFF);
  await expect(page).toHaveURL(/\/ja\/staff$/);
  // The queue is shared with the rest of the suite, and busy: staff look the request up.
  await page.getByLabel("受付番号、または本人の氏名・フリガナ・メールアドレス").fill(reference);
  await page.getByRole("button", { name: "検索する" }).click();
  await expect(page.getByTestId("queue-total")).toHaveText("未完了の請求: 1件");
  const row = page.getByTestId(`queue-row-${reference}`);
  await expect(row).toContainText("受付済み");
  await expect(row).toContainText(jstDatePlus(10));
  await row.getByRole("link", { name: reference }).click();

  await page.getByLabel(/^本人の本人確認書類/).check();
  await page.getByLabel("確認メモ（内部用）").fill("運転免許証で照合");
  await page.getByRole("button", { name: "本人確認済みとして記録" }).click();
  await expect(page.getByTestId("status")).toHaveText("対応中");

  // One fulfilment task per system holding her data: the automatic ones (the portal's own records
  // and the reservations system over signed HTTP) run by themselves; the manual ones are worked
  // through their checklists here.
  const manual = page.getByRole("region", { name: /^手作業: / });
  await expect(manual.first()).toBeVisible();
  for (let left = await manual.count(); left > 0; left--) {
    const task = manual.first();
    await task.getByRole("button", { name: "担当する" }).click();
    await expect(task.getByRole("checkbox").first()).toBeVisible();
    for (const box of await task.getByRole("checkbox").all()) await box.check();
    await task.getByLabel(/^完了メモ/).fill("社内システムで確認し、書き出しました。");
    await task.getByRole("button", { name: "完了にする" }).click();
    await expect(manual).toHaveCount(left - 1);
  }
  const statuses = page.getByTestId("task-status");
  await expect(statuses.first()).toBeVisible();
  await expect(async () => {
    const texts = await statuses.allInnerTexts();
    expect(texts.length).toBeGreaterThan(3);
    expect(texts.every((text) => text.trim() === "完了")).toBe(true);
  }).toPass({ timeout: 30_000 });

  // The package: every item the preview promises, built in her format.
  const panel = page.getByRole("region", { name: "開示パッケージ" });
  await panel.getByRole("button", { name: "パッケージを作成する" }).click();
  await expect(page.getByTestId("toast")).toContainText("パッケージを作成しました");

  await page.getByLabel("請求者への回答").fill("保有個人データをCSVでお送りしました。");
  await page.getByRole("button", { name: "完了する" }).click();
  await expect(page.getByTestId("status")).toHaveText("完了");

  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page.getByRole("link", { name: "ログイン", exact: true })).toBeVisible();
  await signInByEmail(page, testInfo, SUBJECT);
  await page.goto(`/ja/me/requests/${reference}`);
  await expect(page.getByTestId("status")).toHaveText("完了");
  await expect(page.getByTestId("outcome")).toHaveText("対応済み");
  await expect(page.getByTestId("outcome-note")).toHaveText(
    "保有個人データをCSVでお送りしました。",
  );
  const timeline = page.locator("ol.timeline");
  await expect(timeline).toContainText("請求を受け付けました");
  await expect(timeline).toContainText("本人確認が完了しました");
  await expect(timeline).toContainText("対応が完了しました");
  // The internal verification note never reaches the requester.
  await expect(page.getByText("運転免許証で照合")).toHaveCount(0);
});
