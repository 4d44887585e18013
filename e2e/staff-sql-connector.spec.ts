import { randomUUID } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import {
  createTargetDb,
  type TargetDb,
} from "../lib/fulfilment/engine/connectors/sql/test-targets";
import { expect, test } from "./support/fixtures";
import { ERASURE_DETAILS, sql } from "./support/db";
import { fileForReview, verifyAsStaff } from "./support/staff";

// The SQL connector as its people use it (issue 18): a manager adds a "membership" system on
// MariaDB and an "orders" system on PostgreSQL, writes each one's dataset (a mistake first, listed
// with its place), stores its connection and tests it; staff verify a disclosure, which reads both
// databases at once, and an erasure, whose changes wait until staff have seen the dry run and
// started them, and which then change the rows of both databases.

// Identity by the member number only, so only the person this spec gives one is ever asked about
// (the suite's other requests run beside it on the same server).
const dataset = (engine: string) => `# The shop's members and orders
engine: ${engine}
tables:
  - name: members
    primaryKey: id
    identity:
      - { column: member_no, match: externalId }
    columns:
      - { name: member_no, category: member_id }
      - { name: email, category: email, erase: { strategy: mask, value: "erased-{row}@invalid" } }
      - { name: name, category: name, erase: { strategy: set_null } }
  - name: orders
    primaryKey: id
    join: { parent: members, column: member_id, parentColumn: id }
    columns:
      - { name: ordered_at, category: purchase_history, erase: { strategy: keep, reason: "商法により10年間保存します" } }
      - { name: address, field: shipping_address, category: address, erase: { strategy: set_null } }
`;

const targets: TargetDb[] = [];
test.afterAll(async () => {
  for (const target of targets) await target.drop();
});

async function expectAxeClean(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
}

/** A manager adds a SQL system over `target` and gives it its dataset and connection. */
async function addSqlSystem(page: Page, target: TargetDb, name: string) {
  const key = `${name}-${randomUUID().slice(0, 6)}`;
  await page.goto("/ja/manager/settings/systems");
  await page.getByLabel("キー（英小文字・数字・-・_）").fill(key);
  await page.getByLabel("名称（日本語）").fill(`${name} データベース`);
  await page.getByLabel("名称（英語）").fill(`${name} database`);
  await page.getByLabel("データベース連携（データセット）").check();
  await page.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByText("保存しました。")).toBeVisible();
  await page.getByRole("link", { name: `編集: ${key}`, exact: true }).click();
  const panel = page.getByRole("region", { name: "データセット（データベース連携）" });
  await expect(panel.getByTestId("connection-status")).toHaveText(
    "接続URLはまだ保存されていません。",
  );
  const yaml = panel.getByLabel("データセット（YAML）");
  // A join to a table the dataset does not have: listed with its place, nothing saved.
  await yaml.fill(dataset(target.engine).replace("parent: members", "parent: customers"));
  await panel.getByRole("button", { name: "保存する" }).click();
  await expect(panel.getByTestId("dataset-issues")).toContainText(
    "tables.1.join: join の親の表がデータセットにありません",
  );
  await expectAxeClean(page, "#dataset-title + p ~ form");
  // A category the data map does not have.
  await yaml.fill(dataset(target.engine).replace("category: member_id", "category: members"));
  await panel.getByRole("button", { name: "保存する" }).click();
  await expect(panel.getByTestId("dataset-issues")).toContainText(
    "tables.0.columns.0.category: データマップにないカテゴリーです",
  );
  await yaml.fill(dataset(target.engine));
  await panel.getByLabel("接続URL").fill(target.url);
  await panel.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByText("データセットを保存しました。")).toBeVisible();
  await expect(panel.getByTestId("connection-status")).toHaveText(
    "接続URLは保存済みです（表示しません）。",
  );
  // The URL is not in the page, and sealed in the database.
  await expect(panel.getByLabel("接続URL")).toHaveValue("");
  expect(await page.content()).not.toContain(target.url);
  const { rows } = await sql().query<{ connectionSecret: string }>(
    `SELECT "connectionSecret" FROM "DataSystem" WHERE key = $1`,
    [key],
  );
  expect(rows[0]!.connectionSecret).not.toContain("127.0.0.1");
  await panel.getByRole("button", { name: "接続をテストする" }).click();
  await expect(panel.getByTestId("connection-test")).toHaveText(
    "接続できました。データセットはデータベースの表・列と一致しています。",
  );
  await expect(page.getByTestId("system-health").getByTestId("last-test")).toContainText("成功");
  await expectAxeClean(page, 'section[aria-labelledby="dataset-title"]');
  await expectAxeClean(page, '[data-testid="system-health"]');
  await panel.screenshot({ path: test.info().outputPath(`dataset-${name}.png`) });
  return key;
}

test("staff reach two databases: a disclosure reads both, an erasure runs after its dry run", async ({
  page,
  signIn,
  signInElsewhere,
}) => {
  test.setTimeout(150_000);
  const membership = await createTargetDb("mysql");
  const orders = await createTargetDb("postgresql");
  targets.push(membership, orders);

  await signIn("ADMIN");
  const keys = [
    await addSqlSystem(page, membership, "membership"),
    await addSqlSystem(page, orders, "orders"),
  ];

  // 佐藤 花子 is member M-0001 in both databases.
  const { person: subject } = await signInElsewhere("SUBJECT", { withSubject: true });
  await sql().query(
    `INSERT INTO "SubjectExternalId" (id, "subjectId", "systemId", "externalId")
     SELECT gen_random_uuid(), $1, id, 'M-0001' FROM "DataSystem" WHERE key = ANY($2)`,
    [subject.subjectId, keys],
  );

  const { page: staff } = await signInElsewhere("STAFF");
  const disclosure = await fileForReview(subject.subjectId!, subject.id, "DISCLOSURE", {
    scope: "ALL",
    categoryKeys: [],
    method: "JSON",
    postalAddress: "",
  });
  await verifyAsStaff(staff, disclosure);
  for (const key of keys) {
    const row = staff.getByTestId(`task-${key}-EXPORT`);
    await expect(row).toContainText("データベース連携");
    await expect(row.getByTestId("task-status")).toHaveText("完了");
    // Her member number, address, name and email; her two orders' dates and addresses.
    await expect(row.getByTestId("task-result")).toHaveText("7件");
  }
  // What the databases returned is what the package discloses (her email from the membership
  // database, her shipping address from the orders database).
  await staff.reload();
  const items = staff.getByTestId("package-items");
  await expect(items).toContainText("Hanako.Sato@example.jp");
  await expect(items).toContainText("東京都千代田区1-1");

  const erasure = await fileForReview(
    subject.subjectId!,
    subject.id,
    "SUSPENSION_ERASURE",
    ERASURE_DETAILS,
  );
  await verifyAsStaff(staff, erasure);
  for (const [key, target] of [
    [keys[0]!, membership],
    [keys[1]!, orders],
  ] as const) {
    const row = staff.getByTestId(`task-${key}-ERASE`);
    await expect(row.getByTestId("task-status")).toHaveText(
      "実行待ち（ドライランで確認してから実行してください）",
    );
    await row.getByRole("button", { name: "ドライラン" }).click();
    const dry = staff.getByTestId("dry-run");
    await expect(dry.getByTestId("dry-run-members")).toContainText("email: マスク");
    await expect(dry.getByTestId("dry-run-orders")).toContainText("ordered_at: 保持（法的理由）");
    await expect(dry.getByTestId("dry-run-orders")).toContainText("10, 11");
    await expectAxeClean(staff, "dialog");
    await staff.screenshot({ path: test.info().outputPath(`dry-run-${target.engine}.png`) });
    await staff.getByRole("button", { name: "閉じる" }).click();
    // Nothing changed yet.
    expect(await target.rows("SELECT name FROM members WHERE id = 1")).toEqual([
      { name: "佐藤 花子" },
    ]);
    await row.getByRole("button", { name: /を実行する$/ }).click();
    await expect(row.getByTestId("task-status")).toHaveText("完了");
    expect(await target.rows("SELECT email, name FROM members WHERE id = 1")).toEqual([
      { email: "erased-1@invalid", name: null },
    ]);
    expect(await target.rows("SELECT address FROM orders WHERE member_id = 1")).toEqual([
      { address: null },
      { address: null },
    ]);
  }
  await expectAxeClean(staff, 'section[aria-labelledby="tasks-title"]');

  // Both pages on a phone: nothing wider than the screen.
  const { rows: system } = await sql().query<{ id: string }>(
    `SELECT id FROM "DataSystem" WHERE key = $1`,
    [keys[0]],
  );
  for (const [who, path] of [
    [staff, `/ja/staff/requests/${erasure}`],
    [page, `/ja/manager/settings/systems/${system[0]!.id}`],
  ] as const) {
    await who.setViewportSize({ width: 375, height: 800 });
    await who.goto(path);
    await expect(who.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await who.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const section = who === page ? "dataset-title" : "tasks-title";
    await who
      .locator(`section[aria-labelledby="${section}"]`)
      .screenshot({ path: test.info().outputPath(`phone-${section}.png`) });
  }
});
