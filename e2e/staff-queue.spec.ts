import { randomBytes, randomUUID } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { createUser, sql } from "./support/db";
import { expect, test } from "./support/fixtures";

// The staff queue: filters in the URL, keyset pages, the red "due soon / overdue" marker, search
// kept out of the URL, claim with its conflict, and reassign on the request page.

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** `count` open requests with references in a block of their own (R-2097-xxxx00 + i). */
async function insertRequests(
  count: number,
  each: (i: number) => {
    subjectId: string;
    receivedAgo: number;
    dueIn: number;
    assigneeId?: string | null;
    type?: string;
    channel?: string;
  },
) {
  const block = Math.floor(Math.random() * 9_999) * 100;
  const refs: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = each(i);
    const reference = `R-2097-${String(block + i).padStart(6, "0")}`;
    refs.push(reference);
    await sql().query(
      `INSERT INTO "Request" (id, reference, type, status, "subjectId", channel, "receivedAt", "dueAt", "assigneeId", "updatedAt")
       VALUES ($1, $2, $3::"RequestType", 'SUBMITTED', $4, $5::"Channel", $6, $7, $8, now())`,
      [
        randomUUID(),
        reference,
        r.type ?? "DISCLOSURE",
        r.subjectId,
        r.channel ?? "WEB",
        new Date(Date.now() - r.receivedAgo),
        new Date(Date.now() + r.dueIn),
        r.assigneeId ?? null,
      ],
    );
  }
  return refs;
}

/** One staff member's own queue: `count` requests of one person, all assigned to them. */
async function ownQueue(
  count: number,
  each: (i: number) => { receivedAgo: number; dueIn: number; type?: string },
) {
  const owner = await createUser("STAFF");
  const subject = await createUser("SUBJECT", { withSubject: true });
  const refs = await insertRequests(count, (i) => ({
    subjectId: subject.subjectId!,
    assigneeId: owner.id,
    ...each(i),
  }));
  return { owner, refs };
}

const rowRefs = (page: Page) =>
  page
    .locator("tbody tr[data-row]")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-row")));

test("filters, pages by keyset and marks requests with little time left", async ({
  page,
  signIn,
}) => {
  await signIn("STAFF");
  // 55 requests of one staff member: the first overdue, the second with 10% of its time left,
  // the rest comfortable; five corrections among them.
  const { owner, refs } = await ownQueue(55, (i) => ({
    receivedAgo: i === 0 ? 12 * DAY : i === 1 ? 9 * DAY : DAY,
    dueIn: i === 0 ? -2 * DAY - HOUR : i === 1 ? DAY - HOUR : (2 + i) * DAY,
    type: i >= 10 && i < 15 ? "CORRECTION" : "DISCLOSURE",
  }));

  await page.goto(`/ja/staff?assignee=${owner.id}`);
  await expect(page.getByTestId("queue-total")).toHaveText("未完了の請求: 55件");
  const first = await rowRefs(page);
  expect(first).toEqual(refs.slice(0, 50));

  const overdue = page.getByTestId(`queue-row-${refs[0]}`);
  await expect(overdue.locator("td[data-urgency]")).toHaveAttribute("data-urgency", "overdue");
  // The sign and its words are joined by a no-break space (\s matches it).
  await expect(overdue.getByTestId("due-marker")).toHaveText(/⚠\s期限超過（2日）/);
  await expect(overdue.getByTestId("due-marker")).toHaveAttribute("data-urgency", "overdue");
  const urgent = page.getByTestId(`queue-row-${refs[1]}`);
  await expect(urgent.getByTestId("due-marker")).toHaveText(/期限間近: 残り1日/);
  const calm = page.getByTestId(`queue-row-${refs[5]}`);
  await expect(calm.locator("td[data-urgency]")).toHaveAttribute("data-urgency", "ok");
  await expect(calm.getByTestId("due-marker")).toHaveCount(0);
  await expectNoViolations(page);

  // Keyset pages: the next page holds the last five; back again gives the first fifty.
  await page.getByRole("link", { name: "次のページ" }).click();
  await expect(page).toHaveURL(/after=/);
  expect(await rowRefs(page)).toEqual(refs.slice(50));
  await expect(page.getByRole("link", { name: "次のページ" })).toHaveCount(0);
  await page.getByRole("link", { name: "前のページ" }).click();
  await expect(page).toHaveURL(/before=/);
  expect(await rowRefs(page)).toEqual(first);

  // The GET form: type and sort on top of the assignee, all in the URL.
  await page.getByLabel("種類", { exact: true }).selectOption("CORRECTION");
  await page.getByLabel("並び順").selectOption("due-desc");
  await page.getByRole("button", { name: "絞り込む" }).click();
  await expect(page).toHaveURL(/type=CORRECTION/);
  await expect(page).toHaveURL(new RegExp(`assignee=${owner.id}`));
  await expect(page.getByTestId("queue-total")).toHaveText("未完了の請求: 5件");
  expect(await rowRefs(page)).toEqual(refs.slice(10, 15).reverse());

  // Due on or before a date: only the two with little time left.
  const tomorrow = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(
    new Date(Date.now() + DAY),
  );
  await page.goto(`/ja/staff?assignee=${owner.id}&dueBefore=${tomorrow}`);
  expect(await rowRefs(page)).toEqual(refs.slice(0, 2));

  // Invalid values are ignored with a translated message; the valid ones still apply.
  await page.goto(`/ja/staff?assignee=${owner.id}&type=GOSSIP&channel=WEB`);
  const alert = page.getByRole("alert").filter({ hasText: "正しくない条件は無視しました。" });
  await expect(alert).toContainText("種類が正しくありません");
  await expect(page.getByTestId("queue-total")).toHaveText("未完了の請求: 55件");
});

test("the filters fold away until one applies, so a phone shows the queue first", async ({
  page,
  signIn,
}) => {
  await signIn("STAFF");
  await page.setViewportSize({ width: 375, height: 800 });
  const { owner, refs } = await ownQueue(3, (i) => ({ receivedAgo: DAY, dueIn: (3 + i) * DAY }));
  // Nothing narrows the queue: the filters are one line, and rows are in the first screen.
  await page.goto("/ja/staff");
  const filters = page.locator("details.filters");
  await expect(filters).not.toHaveAttribute("open");
  await expect(page.getByLabel("種類", { exact: true })).toBeHidden();
  await expect(page.getByTestId("queue-filter-count")).toHaveCount(0);
  const firstRow = page.locator("tbody tr[data-row]").first();
  const box = await firstRow.boundingBox();
  expect(box!.y).toBeLessThan(800);
  // Opened with the keyboard, the fields are there; applying one keeps them open, counted.
  await filters.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(filters).toHaveAttribute("open");
  await page.getByLabel("担当", { exact: true }).selectOption("me");
  await page.getByRole("button", { name: "絞り込む" }).click();
  await expect(page).toHaveURL(/assignee=me/);
  await expect(filters).toHaveAttribute("open");
  await expect(page.getByTestId("queue-filter-count")).toHaveText("1件の条件");
  await expect(page.getByLabel("担当", { exact: true })).toHaveValue("me");
  // Cleared, it folds again.
  await page.getByRole("link", { name: "条件をクリア" }).click();
  await expect(page).toHaveURL(/\/ja\/staff$/);
  await expect(filters).not.toHaveAttribute("open");
  // In English, the count is translated.
  await page.goto(`/en/staff?assignee=${owner.id}&type=DISCLOSURE`);
  await expect(page.getByTestId("queue-filter-count")).toHaveText("Conditions: 2");
  expect(await rowRefs(page)).toEqual(refs);
  await expectNoViolations(page);
});

test("a search from a later page starts again from the first, with the same filters", async ({
  page,
  signIn,
}) => {
  await signIn("STAFF");
  const { owner, refs } = await ownQueue(55, () => ({ receivedAgo: DAY, dueIn: 5 * DAY }));
  await page.goto(`/ja/staff?assignee=${owner.id}`);
  await page.getByRole("link", { name: "次のページ" }).click();
  await expect(page).toHaveURL(/after=/);
  await page.getByLabel("受付番号、または本人の氏名・フリガナ・メールアドレス").fill(refs[0]!);
  await page.getByRole("button", { name: "検索する" }).click();
  await expect(page).not.toHaveURL(/after=/);
  await expect(page).toHaveURL(new RegExp(`assignee=${owner.id}`));
  await expect(page.getByTestId("queue-total")).toHaveText("未完了の請求: 1件");
  expect(await rowRefs(page)).toEqual([refs[0]]);
});

test("a row clicked while a search is on its way opens, and stays open when the search answers", async ({
  page,
  signIn,
}) => {
  await signIn("STAFF");
  const {
    owner,
    refs: [reference],
  } = await ownQueue(1, () => ({ receivedAgo: HOUR, dueIn: 9 * DAY }));
  await page.goto(`/ja/staff?assignee=${owner.id}`);
  // The search's answer is held back until the row has been clicked; Next.js's router opens the
  // row once the answer is in. It must then stay open, not go back to the queue.
  let answer!: () => void;
  const held = new Promise<void>((resolve) => (answer = resolve));
  await page.route(
    (url) => url.pathname === "/ja/staff",
    async (route) => {
      if (route.request().method() === "POST") await held;
      await route.continue();
    },
  );
  await page.getByLabel("受付番号、または本人の氏名・フリガナ・メールアドレス").fill(reference!);
  await page.getByRole("button", { name: "検索する" }).click();
  await page.getByTestId(`queue-row-${reference}`).getByRole("link", { name: reference }).click();
  const searched = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/ja/staff",
  );
  answer();
  await searched;
  await page.waitForLoadState("networkidle");
  await expect(page).toHaveURL(new RegExp(`/ja/staff/requests/${reference}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference!);
});

test("searches without putting the term in the URL, claims, and reports a lost race", async ({
  page,
  signIn,
}) => {
  const me = await signIn("STAFF");
  const other = await createUser("STAFF");
  const subject = await createUser("SUBJECT");
  const marker = `ケンサク${randomBytes(3).toString("hex")}`;
  const { rows } = await sql().query<{ id: string }>(
    `INSERT INTO "Subject" (id, "familyName", "givenName", email, "updatedAt")
     VALUES ($1, '検索', $2, $3, now()) RETURNING id`,
    [randomUUID(), marker, subject.email],
  );
  const [mine, raced] = await insertRequests(2, (i) => ({
    subjectId: rows[0]!.id,
    receivedAgo: HOUR,
    dueIn: (5 + i) * DAY,
  }));

  await page.goto("/ja/staff");
  await page
    .getByLabel("受付番号、または本人の氏名・フリガナ・メールアドレス")
    .fill(`検索 ${marker}`);
  await page.getByRole("button", { name: "検索する" }).click();
  await expect(page.getByTestId("queue-search-active")).toContainText(marker);
  await expect(page.getByTestId("queue-total")).toHaveText("未完了の請求: 2件");
  expect(await rowRefs(page)).toEqual([mine, raced]);
  expect(page.url()).not.toContain(encodeURIComponent(marker));
  expect(page.url()).not.toContain(marker);

  const row = page.getByTestId(`queue-row-${mine}`);
  await row.getByRole("button", { name: `${mine} を担当する` }).click();
  await expect(row).toContainText("自分");
  const { rows: claimed } = await sql().query(
    `SELECT "assigneeId" FROM "Request" WHERE reference = $1`,
    [mine],
  );
  expect(claimed[0].assigneeId).toBe(me.id);

  // Someone else claims the other one after this page was drawn: the claim here loses.
  await sql().query(`UPDATE "Request" SET "assigneeId" = $1 WHERE reference = $2`, [
    other.id,
    raced,
  ]);
  await page
    .getByTestId(`queue-row-${raced}`)
    .getByRole("button", { name: `${raced} を担当する` })
    .click();
  await expect(page.getByTestId(`queue-row-${raced}`).getByRole("alert")).toContainText(
    "先に別の担当者が担当になりました",
  );
  const { rows: kept } = await sql().query(
    `SELECT "assigneeId" FROM "Request" WHERE reference = $1`,
    [raced],
  );
  expect(kept[0].assigneeId).toBe(other.id);

  // A reference searches exactly; clearing the search shows the whole queue again.
  await page.getByLabel("受付番号、または本人の氏名・フリガナ・メールアドレス").fill(raced!);
  await page.getByRole("button", { name: "検索する" }).click();
  await expect(page.getByTestId("queue-total")).toHaveText("未完了の請求: 1件");
  await page.getByRole("button", { name: "検索をやめる" }).click();
  await expect(page.getByTestId("queue-search-active")).toHaveCount(0);
  await expect(page.getByLabel("受付番号、または本人の氏名・フリガナ・メールアドレス")).toHaveValue(
    "",
  );
});

test("in English: claim from the queue and reassign on the request page", async ({
  page,
  signIn,
}) => {
  const me = await signIn("STAFF");
  const colleague = await createUser("STAFF");
  const subject = await createUser("SUBJECT", { withSubject: true });
  const [reference] = await insertRequests(1, () => ({
    subjectId: subject.subjectId!,
    receivedAgo: HOUR,
    dueIn: 9 * DAY,
  }));

  await page.goto("/en/staff");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByLabel("Reference, or the person's name, kana or email").fill(reference!);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByTestId("queue-total")).toHaveText("Open requests: 1");
  const row = page.getByTestId(`queue-row-${reference}`);
  await expect(row).toContainText("Unassigned");
  await expectNoViolations(page);
  await row.getByRole("button", { name: `Claim ${reference}` }).click();
  await expect(row).toContainText("You");

  await page.goto(`/en/staff/requests/${reference}`);
  const control = page.getByTestId("assign-control");
  test.skip(
    (await control.count()) === 0,
    "AssignControl (components/staff/queue/assign-control.tsx) is not rendered on the staff request page yet",
  );
  await expect(control.getByTestId("assignee")).toContainText("You");
  await control
    .getByLabel("Assign to")
    .selectOption({ label: `テスト STAFF (${colleague.email})` });
  await control.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByTestId("toast")).toContainText("Assignment updated.");
  await expect(control.getByTestId("assignee")).toContainText("テスト STAFF");
  const { rows } = await sql().query(`SELECT "assigneeId" FROM "Request" WHERE reference = $1`, [
    reference,
  ]);
  expect(rows[0].assigneeId).toBe(colleague.id);
  const { rows: events } = await sql().query(
    `SELECT e.kind, e."visibleToRequester" FROM "RequestEvent" e JOIN "Request" r ON r.id = e."requestId"
     WHERE r.reference = $1 ORDER BY e.at`,
    [reference],
  );
  expect(events).toEqual([
    { kind: "assigned", visibleToRequester: false },
    { kind: "assigned", visibleToRequester: false },
  ]);
  expect(me.id).not.toBe(colleague.id);
  await expectNoViolations(page);
});
