import { randomBytes } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { createUser, sql, uniqueEmail } from "./support/db";
import { expect, test } from "./support/fixtures";

// Requests that arrived by phone, post, email or in person, entered by staff: field errors in the
// page's language, the request recorded with its channel and enterer, and found in the queue.

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

const jstDate = (offsetDays: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

test("enters a phone request for a new person; it joins the queue as a phone request", async ({
  page,
  signIn,
}) => {
  const staff = await signIn("STAFF");
  await page.goto("/ja/staff");
  await page
    .getByRole("link", { name: "電話・郵送・メール・窓口で受け付けた請求を登録する" })
    .click();
  await expect(page).toHaveURL(/\/ja\/staff\/requests\/new$/);
  await expect(page.getByLabel("請求が届いた日")).toHaveValue(jstDate(0));
  await expectNoViolations(page);

  // Nothing filled in: translated errors beside the fields, nothing entered.
  await page.getByRole("button", { name: "請求を登録する" }).click();
  await expect(page.locator("#entry-channel-error")).toHaveText("受付方法を選んでください");
  await expect(page.locator("#requester-familyName-error")).toHaveText("入力してください");
  await page.getByLabel("請求が届いた日").fill(jstDate(1));
  await page.getByRole("button", { name: "請求を登録する" }).click();
  await expect(page.locator("#entry-receivedOn-error")).toHaveText("未来の日付は指定できません");
  await expectNoViolations(page);

  const given = `受子${randomBytes(2).toString("hex")}`;
  const email = uniqueEmail("phone");
  await page.getByLabel("受付方法").selectOption("PHONE");
  await page.getByLabel("請求が届いた日").fill(jstDate(-2));
  await page.getByLabel("姓", { exact: true }).fill("電話");
  await page.getByLabel("名", { exact: true }).fill(given);
  await page.getByLabel("セイ（カタカナ）").fill("デンワ");
  await page.getByLabel("メールアドレス（任意）").fill(email);
  await page.getByLabel("住所（任意）").fill("東京都千代田区千代田1-1");
  await page.getByLabel("開示の方法").selectOption("PAPER");
  await page.getByLabel("郵送先の住所").fill("東京都千代田区千代田1-1");
  await page.getByLabel("受付メモ（任意）").fill("電話で開示の請求。書面での回答を希望。");
  // A double click submits once: the form's idempotency key enters one request.
  await page.getByRole("button", { name: "請求を登録する" }).dblclick();
  await expect(page).toHaveURL(/\/ja\/staff\/requests\/R-\d{4}-\d{6}$/);
  const reference = page.url().split("/").pop()!;

  const { rows } = await sql().query(
    `SELECT r.channel, r."enteredById", r."filedById", r."receivedAt", s."givenName", s.email
     FROM "Request" r JOIN "Subject" s ON s.id = r."subjectId" WHERE r.reference = $1`,
    [reference],
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    channel: "PHONE",
    enteredById: staff.id,
    filedById: null,
    givenName: given,
    email,
  });
  const { rows: same } = await sql().query(
    `SELECT count(*)::int AS n FROM "Request" r JOIN "Subject" s ON s.id = r."subjectId" WHERE s."givenName" = $1`,
    [given],
  );
  expect(same[0].n).toBe(1);

  await page.goto("/ja/staff?channel=PHONE");
  await page.getByLabel("受付番号、または本人の氏名・フリガナ・メールアドレス").fill(given);
  await page.getByRole("button", { name: "検索する" }).click();
  const row = page.getByTestId(`queue-row-${reference}`);
  await expect(row.locator("td[data-channel]")).toHaveAttribute("data-channel", "PHONE");
  await expect(row).toContainText("電話");
  await expect(page.getByTestId("queue-total")).toHaveText("未完了の請求: 1件");
});

test("in English: finds a known person by email and enters an agent's postal request", async ({
  page,
  signIn,
}) => {
  await signIn("STAFF");
  const person = await createUser("SUBJECT", { withSubject: true });
  await page.goto("/en/staff/requests/new");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByLabel("Channel").selectOption("POST");
  await page.getByLabel("From an appointed agent (letter of authority)").check();
  await page.getByLabel("Find a known person by email").check();
  await page.getByLabel("The person's email address").fill(person.email.toUpperCase());
  await page.getByRole("button", { name: "Find", exact: true }).click();
  // Submitting before choosing: the translated error.
  await page.getByRole("button", { name: "Enter the request" }).click();
  await expect(page.locator("#entry-subjectId-error")).toHaveText("Find and choose the person");
  await page.getByRole("radio", { name: /試験 太郎/ }).check();
  await expect(page.getByTestId("picked-subject")).toHaveText("Selected: 試験 太郎");
  await page.getByLabel("Family name", { exact: true }).fill("Agent");
  await page.getByLabel("Given name", { exact: true }).fill("Appointed");
  await page.getByLabel("Type", { exact: true }).selectOption("PURPOSE_NOTIFICATION");
  await page.getByLabel("How we answer").selectOption("PAPER");
  await page.getByLabel("Postal address").fill("1-1 Chiyoda, Tokyo");
  await expectNoViolations(page);
  await page.getByRole("button", { name: "Enter the request" }).click();
  await expect(page).toHaveURL(/\/en\/staff\/requests\/R-\d{4}-\d{6}$/);
  const reference = page.url().split("/").pop()!;
  const { rows } = await sql().query(
    `SELECT channel, "subjectId", "filerRole", type, "agentDetails" FROM "Request" WHERE reference = $1`,
    [reference],
  );
  expect(rows[0]).toMatchObject({
    channel: "POST",
    subjectId: person.subjectId,
    filerRole: "APPOINTED_AGENT",
    type: "PURPOSE_NOTIFICATION",
    agentDetails: { agent: { familyName: "Agent", givenName: "Appointed" } },
  });

  // No acknowledgement mail went to the agent: staff record how they told them.
  const ack = page.getByRole("region", { name: "Acknowledgement" });
  await expect(ack).toContainText("has not yet been told");
  await ack.getByRole("button", { name: "Record the acknowledgement" }).click();
  await expect(ack.locator("#ack-channel-error")).toHaveText("Choose how the requester was told");
  await ack.getByLabel("How they were told").selectOption("POST");
  await ack.getByRole("button", { name: "Record the acknowledgement" }).click();
  await expect(ack).toHaveCount(0);
  await expect(page.getByText("Told the requester that the request arrived")).toBeVisible();
});
