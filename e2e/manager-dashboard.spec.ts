import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { createUser, sql } from "./support/db";
import { expect, test } from "./support/fixtures";

// The manager dashboard: the figures shown equal the database's (other specs add requests in
// parallel, so the global figures are compared on a page load and a query made together, retried
// until they agree; the figures for this spec's own staff member are exact), a figure links to
// the filtered queue, the regulators' CSV export, axe, and the English page.

const DAY = 86_400_000;
const OPEN = `('SUBMITTED','AWAITING_IDENTITY','IDENTITY_REVIEW','IN_PROGRESS','NEEDS_INFO','AWAITING_APPROVAL')`;

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

/** Requests of this spec, all received on one day of its own (for the CSV period). */
async function seedRequests(staffId: string, subjectId: string) {
  const day = new Date(Date.UTC(2001, 0, 1) + Math.floor(Math.random() * 5000) * DAY);
  const date = day.toISOString().slice(0, 10);
  const block = Math.floor(Math.random() * 9_999) * 100;
  const rows = [
    { status: "IN_PROGRESS", type: "DISCLOSURE", due: -1, assignee: staffId },
    { status: "SUBMITTED", type: "CORRECTION", due: 1, assignee: staffId },
    { status: "NEEDS_INFO", type: "DISCLOSURE", due: 10, assignee: staffId },
    { status: "COMPLETED", type: "CORRECTION", due: 10, assignee: null },
  ];
  const refs: string[] = [];
  for (const [i, r] of rows.entries()) {
    const reference = `R-2096-${String(block + i).padStart(6, "0")}`;
    refs.push(reference);
    const closed = r.status === "COMPLETED";
    await sql().query(
      `INSERT INTO "Request" (id, reference, type, status, "subjectId", channel, jurisdictions,
         "receivedAt", "dueAt", "assigneeId", "closedAt", outcome, "refusalGrounds", "updatedAt")
       VALUES ($1, $2, $3::"RequestType", $4::"RequestStatus", $5, 'PHONE', ARRAY['JP','EU']::"Jurisdiction"[],
         $6, $7, $8, $9, $10::"Outcome", $11::"RefusalGround"[], now())`,
      [
        randomUUID(),
        reference,
        r.type,
        r.status,
        subjectId,
        new Date(day.getTime() + 3 * 3_600_000),
        new Date(Date.now() + r.due * DAY),
        r.assignee,
        closed ? new Date(day.getTime() + 5 * DAY) : null,
        closed ? "REFUSED" : null,
        closed ? ["CONTENT_NOT_UNTRUE"] : [],
      ],
    );
  }
  return { date, refs };
}

const count = async (page: Page, testId: string) =>
  Number(await page.getByTestId(testId).getAttribute("data-count"));
const tableCounts = async (page: Page, testId: string) =>
  Object.fromEntries(
    await page
      .getByTestId(testId)
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.getAttribute("data-key"),
          Number(tr.querySelector("[data-count]")?.getAttribute("data-count")),
        ]),
      ),
  ) as Record<string, number>;

async function databaseFigures() {
  const { rows } = await sql().query<{ open: number; overdue: number; soon: number }>(
    `SELECT count(*)::int AS open,
       count(*) FILTER (WHERE COALESCE("extendedDueAt", "dueAt") < now() AT TIME ZONE 'UTC')::int AS overdue,
       count(*) FILTER (WHERE COALESCE("extendedDueAt", "dueAt") >= now() AT TIME ZONE 'UTC'
         AND COALESCE("extendedDueAt", "dueAt") < (now() + interval '3 days') AT TIME ZONE 'UTC')::int AS soon
     FROM "Request" WHERE status IN ${OPEN}`,
  );
  const byType = await sql().query<{ k: string; n: number }>(
    `SELECT type::text AS k, count(*)::int AS n FROM "Request" WHERE status IN ${OPEN} GROUP BY 1`,
  );
  const byStatus = await sql().query<{ k: string; n: number }>(
    `SELECT status::text AS k, count(*)::int AS n FROM "Request" WHERE status IN ${OPEN} GROUP BY 1`,
  );
  const toMap = (r: { k: string; n: number }[]) => Object.fromEntries(r.map((x) => [x.k, x.n]));
  return { ...rows[0]!, byType: toMap(byType.rows), byStatus: toMap(byStatus.rows) };
}

test("the dashboard's figures equal the database's, link to the queue and export as CSV", async ({
  page,
  signIn,
}) => {
  const staff = await createUser("STAFF");
  const subject = await createUser("SUBJECT", { withSubject: true });
  const { date, refs } = await seedRequests(staff.id, subject.subjectId!);
  const manager = await signIn("MANAGER");

  await expect(async () => {
    await page.goto("/ja/manager");
    const shown = {
      open: await count(page, "open-count"),
      overdue: await count(page, "overdue-count"),
      soon: await count(page, "due-soon-count"),
      byType: await tableCounts(page, "by-type"),
      byStatus: await tableCounts(page, "by-status"),
    };
    expect(shown).toEqual(await databaseFigures());
  }).toPass({ timeout: 30_000 });

  // This spec's staff member: exactly its three open requests.
  const workload = await tableCounts(page, "workload");
  expect(workload[staff.id]).toBe(3);
  await expect(page.getByRole("heading", { name: "担当者別の未完了請求" })).toBeVisible();
  await expect(page.getByRole("img", { name: /週ごとの受付と完了/ })).toBeVisible();
  await expectNoViolations(page);

  // The CSV export for the spec's own day.
  await page.getByLabel("受付日（開始）").fill(date);
  await page.getByLabel("受付日（終了）").fill(date);
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "CSVをダウンロード" }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`requests-${date}-${date}.csv`);
  const text = await readFile(await csv.path(), "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toBe("受付日,受付番号,種類,受付方法,法域,状況,回答期限,回答日,結果,拒否の理由");
  expect(lines).toHaveLength(5);
  // Same receivedAt: ordered by id, so compare as sets.
  expect(
    lines
      .slice(1)
      .map((l) => l.split(",")[1])
      .sort(),
  ).toEqual([...refs].sort());
  const refused = lines.find((l) => l.includes(refs[3]!))!;
  expect(refused).toContain(
    `${date},${refs[3]},訂正・追加・削除,電話,日本（個人情報保護法） / EU（GDPR）,完了,`,
  );
  expect(refused).toContain("不開示・不実施,保有個人データの内容が事実でないとは認められない");
  expect(text).not.toContain(subject.email);
  const audit = await sql().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'requests.export' AND "actorId" = $1`,
    [manager.id],
  );
  expect(audit.rows[0]!.n).toBe(1);

  // A figure opens the queue with the same filter: the staff member's three open requests.
  await page.goto("/ja/manager");
  await page.getByTestId("workload").locator(`tr[data-key="${staff.id}"] a`).click();
  await expect(page).toHaveURL(new RegExp(`/ja/staff\\?assignee=${staff.id}$`));
  const queueRefs = await page.locator("tbody tr[data-row]").allTextContents();
  expect(queueRefs).toHaveLength(3);
  for (const ref of refs.slice(0, 3)) expect(queueRefs.join(" ")).toContain(ref);
});

test("the dashboard in English, and closed to staff", async ({ page, signIn, signInElsewhere }) => {
  await signIn("MANAGER");
  await page.goto("/en/manager");
  await expect(page.getByRole("heading", { name: "Management", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Open requests by jurisdiction" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Days to close, per type" })).toBeVisible();
  await expectNoViolations(page);
  await page.getByTestId("overdue-count").getByRole("link").click();
  await expect(page).toHaveURL(/\/en\/staff\?dueBefore=\d{4}-\d{2}-\d{2}&sort=due-asc$/);

  const staff = await signInElsewhere("STAFF");
  await staff.page.goto("/en/manager");
  await expect(staff.page.getByTestId("open-count")).toHaveCount(0);
  const res = await staff.page.request.get("/en/manager/export?from=2020-01-01&to=2020-01-02");
  expect(res.status()).toBe(404);
});
