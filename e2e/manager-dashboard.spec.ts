import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { Outcome, RequestStatus } from "../lib/generated/prisma/enums";
import { ja } from "../lib/i18n/messages/ja";
import { parseCsv } from "./support/csv";
import { createUser, sql } from "./support/db";
import { expect, test } from "./support/fixtures";

// The manager dashboard: the figures shown equal the database's (other specs add requests in
// parallel, so the global figures are compared on a page load and a query made together, retried
// until they agree; the figures for this spec's own staff member are exact), a figure links to
// the filtered queue, the regulators' CSV export (every request of the period, every status and
// outcome, read with a strict CSV parser), axe, and the English page.

const DAY = 86_400_000;
const OPEN = `('SUBMITTED','AWAITING_IDENTITY','IDENTITY_REVIEW','IN_PROGRESS','NEEDS_INFO','AWAITING_FEE','AWAITING_APPROVAL')`;

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

/**
 * Requests of this spec, all received on one day of its own (for the CSV period): three open ones
 * of its staff member, one unassigned of every other status, one closed with every outcome.
 * Requests without refusal grounds get NULL, as Prisma writes them.
 */
async function seedRequests(staffId: string, subjectId: string) {
  const day = new Date(Date.UTC(2001, 0, 1) + Math.floor(Math.random() * 5000) * DAY);
  const date = day.toISOString().slice(0, 10);
  const block = Math.floor(Math.random() * 9_999) * 100;
  type Row = {
    status: string;
    type: string;
    due: number;
    assignee: string | null;
    outcome?: string;
    grounds?: string[];
  };
  const mine: Row[] = [
    { status: "IN_PROGRESS", type: "DISCLOSURE", due: -1, assignee: staffId },
    { status: "SUBMITTED", type: "CORRECTION", due: 1, assignee: staffId },
    { status: "NEEDS_INFO", type: "DISCLOSURE", due: 10, assignee: staffId },
  ];
  const groundsOf: Record<string, string[]> = {
    REFUSED: ["CONTENT_NOT_UNTRUE"],
    PARTIALLY_FULFILLED: ["HARM_TO_PERSON", "BUSINESS_DISRUPTION"],
  };
  const rows: Row[] = [
    ...mine,
    ...Object.values(RequestStatus)
      .filter((s) => s !== "COMPLETED" && !mine.some((r) => r.status === s))
      .map((status) => ({ status, type: "DISCLOSURE", due: 20, assignee: null })),
    ...Object.values(Outcome).map((outcome) => ({
      status: "COMPLETED",
      type: outcome === "REFUSED" ? "CORRECTION" : "DISCLOSURE",
      due: 10,
      assignee: null,
      outcome,
      grounds: groundsOf[outcome],
    })),
  ];
  const refs: string[] = [];
  for (const [i, r] of rows.entries()) {
    const reference = `R-2096-${String(block + i).padStart(6, "0")}`;
    refs.push(reference);
    const closed = r.status === "COMPLETED" || r.status === "WITHDRAWN";
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
        r.outcome ?? null,
        r.grounds ?? null,
      ],
    );
  }
  const refused = refs[rows.findIndex((r) => r.outcome === "REFUSED")]!;
  return { date, refs, mine: refs.slice(0, mine.length), refused };
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
  const {
    date,
    refs,
    mine,
    refused: refusedRef,
  } = await seedRequests(staff.id, subject.subjectId!);
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

  // The CSV export for the spec's own day, downloaded as a person would.
  await page.getByLabel("受付日（開始）").fill(date);
  await page.getByLabel("受付日（終了）").fill(date);
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "CSVをダウンロード" }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`requests-${date}-${date}.csv`);
  // A transfer the server aborted is a failed download, not a short file.
  expect(await csv.failure()).toBeNull();
  const text = await readFile(await csv.path(), "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.endsWith("\r\n")).toBe(true);
  const [head, ...records] = parseCsv(text);
  expect(head).toEqual([
    "受付日",
    "受付番号",
    "種類",
    "受付方法",
    "法域",
    "状況",
    "回答期限",
    "回答日",
    "結果",
    "拒否の理由",
  ]);
  // Every request received that day (Japan time) is a record: as many as the database holds.
  const received = await sql().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Request"
     WHERE "receivedAt" >= $1::date - interval '9 hours' AND "receivedAt" < $1::date + interval '15 hours'`,
    [date],
  );
  expect(records).toHaveLength(received.rows[0]!.n);
  expect(records.map((r) => r[1]).sort()).toEqual([...refs].sort());
  // Every status and every outcome appears; the outcome is empty only for requests without one.
  expect(new Set(records.map((r) => r[5]))).toEqual(new Set(Object.values(ja.status)));
  expect(new Set(records.map((r) => r[8]))).toEqual(new Set(["", ...Object.values(ja.outcome)]));
  const refused = records.find((r) => r[1] === refusedRef)!;
  expect(refused.slice(0, 6)).toEqual([
    date,
    refusedRef,
    "訂正・追加・削除",
    "電話",
    "日本（個人情報保護法） / EU（GDPR）",
    "完了",
  ]);
  expect(refused.slice(8)).toEqual([
    "不開示・不実施",
    "保有個人データの内容が事実でないとは認められない",
  ]);
  // Requests stored with NULL refusal grounds are exported with the cell empty.
  expect(records.filter((r) => r[9] === "")).toHaveLength(records.length - 2);
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
  for (const ref of mine) expect(queueRefs.join(" ")).toContain(ref);
});

test("the dashboard in English, and closed to staff", async ({ page, signIn, signInElsewhere }) => {
  await signIn("MANAGER");
  await page.goto("/en/manager");
  await expect(page.getByRole("heading", { name: "Management", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Open requests by jurisdiction" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Days to close, per type" })).toBeVisible();
  await expectNoViolations(page);
  // On a phone the headline figures sit two to a row, and nothing runs off the screen.
  await page.setViewportSize({ width: 375, height: 800 });
  const tops = await page
    .locator("dl.kpis .kpi")
    .evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().top)));
  expect(tops).toHaveLength(5);
  expect(tops[1]).toBe(tops[0]);
  expect(tops[2]).toBeGreaterThan(tops[0]!);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.getByTestId("overdue-count").getByRole("link").click();
  await expect(page).toHaveURL(/\/en\/staff\?dueBefore=\d{4}-\d{2}-\d{2}&sort=due-asc$/);

  const staff = await signInElsewhere("STAFF");
  await staff.page.goto("/en/manager");
  await expect(staff.page.getByTestId("open-count")).toHaveCount(0);
  const res = await staff.page.request.get("/en/manager/export?from=2020-01-01&to=2020-01-02");
  expect(res.status()).toBe(404);
});
