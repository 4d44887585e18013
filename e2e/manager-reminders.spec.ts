import AxeBuilder from "@axe-core/playwright";
import { PgBoss } from "pg-boss";

import { en } from "../lib/i18n/messages/en";
import { E2E } from "./support/config";
import { createSession, createUser, insertRequest, sql } from "./support/db";
import { expect, test } from "./support/fixtures";
import { waitForMail } from "./support/mail";

// Deadline reminders (issue 5): the server's worker runs the `reminder-scan` job on a schedule; the
// spec queues one run at once through pg-boss on the e2e database (no HTTP endpoint exists for it),
// then reads the mails in the SMTP sink and the timeline a manager sees.

async function runReminderScan() {
  const boss = new PgBoss({
    connectionString: E2E.pg.url,
    max: 1,
    supervise: false,
    schedule: false,
    migrate: false,
    useListenNotify: false,
  });
  await boss.start();
  try {
    const id = await boss.send("reminder-scan", {});
    expect(id, "reminder scan queued").toBeTruthy();
  } finally {
    await boss.stop({ graceful: false });
  }
}

test("an assignee hears of a request due tomorrow and managers of an overdue one, once", async ({
  page,
  baseURL,
}, testInfo) => {
  const since = new Date(Date.now() - 1000);
  const subject = await createUser("SUBJECT", { withSubject: true });
  const assignee = await createUser("STAFF");
  const manager = await createUser("MANAGER");
  await sql().query(`UPDATE "User" SET locale = 'en' WHERE id = $1`, [manager.id]);

  const dueSoon = await insertRequest({ subjectId: subject.subjectId!, filedById: subject.id });
  const overdue = await insertRequest({ subjectId: subject.subjectId!, filedById: subject.id });
  await sql().query(
    `UPDATE "Request" SET "dueAt" = now() + interval '1 day', "assigneeId" = $2 WHERE id = $1`,
    [dueSoon.id, assignee.id],
  );
  await sql().query(
    `UPDATE "Request" SET "dueAt" = now() - interval '1 day', "assigneeId" = $2 WHERE id = $1`,
    [overdue.id, assignee.id],
  );

  await runReminderScan();

  const assigneeMail = await waitForMail({
    page,
    testInfo,
    to: assignee.email,
    since,
    pattern: new RegExp(`${dueSoon.reference}[\\s\\S]*回答期限`),
  });
  expect(assigneeMail).toContain("回答期限が近づいています");
  // Reference and due date only: no name of the person the request is about.
  expect(assigneeMail).not.toContain("試験");

  const managerMail = await waitForMail({
    page,
    testInfo,
    to: manager.email,
    since,
    pattern: new RegExp(`${overdue.reference} is past its due date`),
  });
  expect(managerMail).toMatch(/Due: /);

  // A second run sends nothing new: one reminder event per request and threshold.
  await runReminderScan();
  await expect
    .poll(async () => {
      const { rows } = await sql().query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'reminder-scan' AND state <> 'completed'`,
      );
      return rows[0]?.n;
    })
    .toBe(0);
  const { rows } = await sql().query<{ requestId: string; kind: string }>(
    `SELECT "requestId", kind FROM "RequestEvent" WHERE "requestId" = ANY($1) AND kind LIKE 'reminder%' ORDER BY kind`,
    [[dueSoon.id, overdue.id]],
  );
  expect(rows).toEqual([
    { requestId: dueSoon.id, kind: "reminderDue3" },
    { requestId: overdue.id, kind: "reminderOverdue" },
  ]);

  // The manager sees the escalation on the request's timeline, in English.
  const token = await createSession(manager.id);
  await page.context().addCookies([
    {
      name: "authjs.session-token",
      value: token,
      url: baseURL!,
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
  await page.goto(`/en/staff/requests/${overdue.reference}`);
  await expect(page.getByText(en.event.reminderOverdue)).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
});
