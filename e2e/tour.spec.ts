import type { Page } from "@playwright/test";

import { signTaskLink } from "../lib/fulfilment/engine/connectors/email/link-token";
import { E2E } from "./support/config";
import { createSession, insertRequest, sql } from "./support/db";
import { test } from "./support/fixtures";

// The screenshot tour (docs/tour.md): each audience's main pages on the demo organisation, as
// its demo accounts see them. Run on purpose, not in every test run:
//   TOUR=1 npx playwright test e2e/tour.spec.ts --project=postgres
// It writes docs/tour/*.jpg, which the tour page shows.

test.skip(!process.env.TOUR, "writes docs/tour; run with TOUR=1");
test.describe.configure({ mode: "serial" });

async function signInAsDemo(page: Page, email: string) {
  const { rows } = await sql().query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [
    email,
  ]);
  const token = await createSession(rows[0]!.id);
  await page.context().clearCookies();
  await page.context().addCookies([
    {
      name: "authjs.session-token",
      value: token,
      url: new URL(page.url() === "about:blank" ? "http://localhost" : page.url()).origin,
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
}

/**
 * A request as the portal would hold it, for the pictures: this year's reference, received so
 * many days before its JP due date (10 days, to the end of the day in Tokyo, as the deadline
 * engine counts) and with its filing on the timeline. Another spec's insertRequest leaves these
 * out, and the workspace then showed a due date before receipt.
 */
async function tourRequest(
  person: { id: string; userId: string },
  type: string,
  status: string,
  dueInDays: number,
) {
  const { id, reference } = await insertRequest({
    subjectId: person.id,
    filedById: person.userId,
    status,
    type,
  });
  const year = new Date().getFullYear();
  const ours = `R-${year}-${reference.slice(-6)}`;
  await sql().query(
    `UPDATE "Request" SET reference = $2,
       "receivedAt" = now() - make_interval(days => 10 - $3),
       "dueAt" = ((date_trunc('day', ((now() - make_interval(days => 10 - $3)) AT TIME ZONE 'UTC')
                   AT TIME ZONE 'Asia/Tokyo') + interval '11 days' - interval '1 millisecond')
                  AT TIME ZONE 'Asia/Tokyo') AT TIME ZONE 'UTC'
     WHERE id = $1`,
    [id, ours, dueInDays],
  );
  await sql().query(
    `INSERT INTO "RequestEvent" (id, "requestId", kind, "toStatus", at)
     SELECT $2, id, 'submitted', 'SUBMITTED', "receivedAt" FROM "Request" WHERE id = $1`,
    [id, `tourevent${id}`],
  );
  return { id, reference: ours };
}

async function shot(page: Page, name: string, path: string, width = 1280) {
  await page.setViewportSize({ width, height: width > 600 ? 900 : 800 });
  await page.goto(path);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `docs/tour/${name}.jpg`, type: "jpeg", quality: 70 });
}

test("the tour: subject, staff, manager", async ({ page, baseURL }) => {
  await page.goto(`${baseURL}/ja`);
  await shot(page, "01-landing", "/ja");
  await signInAsDemo(page, "hanako.sato@example.jp");
  await shot(page, "02-my-page", "/ja/me");
  await shot(page, "03-my-data", "/ja/me/data");
  await shot(page, "04-ledger", "/ja/me/ledger");
  await shot(page, "05-request-types", "/ja/me/requests/new");
  // A request waiting for her identity documents: the status page leads with that step.
  const { rows } = await sql().query<{ id: string; userId: string }>(
    `SELECT s.id, s."userId" FROM "Subject" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`,
    ["hanako.sato@example.jp"],
  );
  const { reference } = await tourRequest(rows[0]!, "DISCLOSURE", "AWAITING_IDENTITY", 10);
  await shot(page, "06-request-status", `/ja/me/requests/${reference}`);
  // A day's queue: requests of other kinds, states and deadlines beside hers.
  const spread: [string, string, number][] = [
    ["CORRECTION", "IN_PROGRESS", 3],
    ["SUSPENSION_ERASURE", "IDENTITY_REVIEW", 8],
    ["PROVISION_RECORDS", "NEEDS_INFO", -2],
    ["STOP_PROVISION", "SUBMITTED", 9],
    ["PURPOSE_NOTIFICATION", "AWAITING_APPROVAL", 6],
  ];
  for (const [type, status, days] of spread) {
    const { id } = await tourRequest(rows[0]!, type, status, days);
    // Waiting for her answer: staff's question is on the request.
    if (status === "NEEDS_INFO")
      await sql().query(
        `INSERT INTO "Message" (id, "requestId", "authorId", direction, body, "createdAt")
         SELECT $2, $1, u.id, 'TO_REQUESTER', $3, now() - interval '3 days'
         FROM "User" u WHERE u.email = 'staff@example.jp'`,
        [
          id,
          `tourmessage${id}`,
          "ご請求の対象期間を確認させてください。2025年4月以降の提供記録でよろしいでしょうか。",
        ],
      );
  }
  await shot(page, "07-my-page-phone", "/ja/me", 375);

  await signInAsDemo(page, "staff@example.jp");
  await shot(page, "08-queue", "/ja/staff");
  await page.goto("/ja/staff");
  const first = page.locator("table#queue-table tbody tr a").first();
  await shot(page, "09-request-workspace", (await first.getAttribute("href"))!);
  await shot(page, "10-queue-phone", "/ja/staff", 375);

  await signInAsDemo(page, "manager@example.jp");
  await shot(page, "11-dashboard", "/ja/manager");
  await shot(page, "12-brand-settings", "/ja/manager/settings/brand");
  await shot(page, "13-queue-english", "/en/staff");
  // The systems the organisation's data lives in, and one of them: the demo's membership
  // database (MariaDB), read and changed through its SQL dataset, with its health and test.
  await shot(page, "14-systems", "/ja/manager/settings/systems");
  const membership = await sql().query<{ id: string }>(
    `SELECT id FROM "DataSystem" WHERE key = 'membership'`,
  );
  await shot(page, "15-sql-system", `/ja/manager/settings/systems/${membership.rows[0]!.id}`);
  await shot(
    page,
    "16-sql-system-phone",
    `/ja/manager/settings/systems/${membership.rows[0]!.id}`,
    375,
  );

  // A vendor without an API (an EMAIL system): the page its mailed link opens, no sign-in.
  await sql().query(
    `INSERT INTO "DataSystem" (id, key, "nameJa", "nameEn", connector, config, "updatedAt")
     VALUES ('tourvendorsystem', 'tour-vendor', '配送委託先', 'Delivery vendor', 'EMAIL',
       '{"to": "desk@vendor.example.jp"}', now())
     ON CONFLICT (key) DO NOTHING`,
  );
  await sql().query(
    `INSERT INTO "SystemCategoryPurpose" ("systemId", "categoryId", "purposeId")
     SELECT 'tourvendorsystem', c.id, (SELECT id FROM "Purpose" ORDER BY "sortOrder" LIMIT 1)
     FROM "DataCategory" c WHERE c.key IN ('address', 'email') ON CONFLICT DO NOTHING`,
  );
  const vendorRequest = await tourRequest(rows[0]!, "DISCLOSURE", "IN_PROGRESS", 8);
  const taskId = `tourtask${Date.now()}`;
  const mailedAt = new Date();
  await sql().query(
    `INSERT INTO "FulfilmentTask" (id, "requestId", "systemId", action, status, attempts,
       "startedAt", "acceptedAt", "updatedAt")
     VALUES ($1, $2, 'tourvendorsystem', 'EXPORT', 'RUNNING', 1, now(),
       $3::timestamptz AT TIME ZONE 'UTC', now())`,
    [taskId, vendorRequest.id, mailedAt.toISOString()],
  );
  const link = `/ja/system-tasks/${signTaskLink(Buffer.from(E2E.masterKey, "base64"), taskId, mailedAt)}`;
  await page.context().clearCookies();
  await shot(page, "17-vendor-task", link);
  await shot(page, "18-vendor-task-phone", link, 375);
});
