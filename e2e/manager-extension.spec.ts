import { randomInt, randomUUID } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { formatDate } from "../lib/i18n/format";

import { createUser, sql } from "./support/db";
import { expect, test } from "./support/fixtures";
import { waitForMail } from "./support/mail";

// A deadline extension under four eyes: staff propose it with the reason, a manager approves it,
// the requester sees the new due date and the reason and receives the notice by mail.

async function expectNoViolations(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

/** A verified request received days ago (two by default) under the given jurisdictions, filed by the subject. */
async function insertOpen(options: {
  subjectId: string;
  filedById: string;
  jurisdictions: string[];
  daysAgo?: number;
}) {
  const reference = `R-2099-${String(randomInt(1e6)).padStart(6, "0")}`;
  await sql().query(
    `INSERT INTO "Request" (id, reference, type, status, "subjectId", "filedById", details, locale, jurisdictions, "receivedAt", "identityVerifiedAt", "dueAt", "updatedAt")
     VALUES ($1, $2, 'DISCLOSURE', 'IN_PROGRESS', $3, $4, $5, 'en', $6::"Jurisdiction"[], now() - make_interval(days => $7), now(), now() + interval '20 days', now())`,
    [
      randomUUID(),
      reference,
      options.subjectId,
      options.filedById,
      JSON.stringify({ scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" }),
      options.jurisdictions,
      options.daysAgo ?? 2,
    ],
  );
  return reference;
}

test("staff propose an EU extension, a manager approves it, the requester is notified", async ({
  page,
  signIn,
  signInElsewhere,
  baseURL,
}, testInfo) => {
  const subject = await signIn("SUBJECT", { withSubject: true });
  const reference = await insertOpen({
    subjectId: subject.subjectId!,
    filedById: subject.id,
    jurisdictions: ["EU"],
  });
  const reason = `Your request covers many systems (${randomInt(1e6)}).`;
  const since = new Date();

  const { page: staff } = await signInElsewhere("STAFF");
  await staff.goto(`${baseURL}/en/staff/requests/${reference}`);
  const section = staff.getByTestId("extension-section");
  await expect(section.getByLabel("The legal maximum")).toBeChecked();
  // The notice must go out inside the first month, counted in Brussels time.
  await expect(section.getByTestId("extension-notice-by")).toContainText(
    /EU \(GDPR\): the extension notice must go out by the original deadline \(.* 23:59 CES?T\)/,
  );
  await expectNoViolations(staff, '[data-testid="extension-section"]');
  // The reason is required: nothing is sent without it.
  await section.getByRole("button", { name: "Ask for approval of the extension" }).click();
  await expect(section.getByRole("alert")).toContainText("This field is required");
  await section.getByLabel("Reason for the extension (sent to the requester)").fill(reason);
  await section.getByRole("button", { name: "Ask for approval of the extension" }).click();
  const pending = staff.getByTestId("extension-pending");
  await expect(pending).toContainText(reason);
  await expect(pending).toContainText("Waiting for another person to approve.");
  await expect(pending.getByRole("button", { name: "Approve" })).toHaveCount(0);

  const { page: manager } = await signInElsewhere("MANAGER");
  await manager.goto(`${baseURL}/en/staff/approvals`);
  const row = manager.getByTestId(`approval-row-${reference}`);
  await expect(row).toContainText("Deadline extension");
  await row.getByRole("link", { name: reference }).click();
  const decide = manager.getByTestId("extension-pending");
  await expect(decide).toContainText(reason);
  await expectNoViolations(manager, '[data-testid="extension-pending"]');
  await decide.getByRole("button", { name: "Approve" }).click();
  await expect(manager.getByTestId("extension-pending")).toHaveCount(0);
  await expect(manager.getByTestId("extension-section")).toHaveCount(0);

  const { rows } = await sql().query<{ extendedDueAt: Date | null; dueAt: Date }>(
    `SELECT "extendedDueAt", "dueAt" FROM "Request" WHERE reference = $1`,
    [reference],
  );
  const extended = rows[0]?.extendedDueAt;
  expect(extended).toBeTruthy();
  const newDue = formatDate("en", extended!);

  await page.goto(`/en/me/requests/${reference}`);
  await expect(page.getByTestId("due")).toContainText(newDue);
  await expect(page.getByTestId("extension-reason")).toHaveText(reason);
  await expect(page.getByText("Deadline extended")).toBeVisible();
  // An extension says where to complain: the EU's list of authorities (no residence on file).
  await expect(page.getByTestId("complaint-notice")).toContainText(
    "The data protection authority of the EU/EEA member state where you live",
  );

  const mail = await waitForMail({
    page,
    testInfo,
    to: subject.email,
    since,
    pattern: /extending the deadline/,
  });
  expect(mail).toContain(reference);
  expect(mail).toContain(newDue);
  expect(mail).toContain(reason);
  expect(mail).toContain("you may complain to:");
  expect(mail).toContain("https://www.edpb.europa.eu/");
});

test("an EU request whose first month has passed offers no extension, and says why", async ({
  signIn,
  page,
}) => {
  const subject = await createUser("SUBJECT", { withSubject: true });
  const reference = await insertOpen({
    subjectId: subject.subjectId!,
    filedById: subject.id,
    jurisdictions: ["EU"],
    daysAgo: 40,
  });
  await signIn("STAFF");
  await page.goto(`/en/staff/requests/${reference}`);
  await expect(page.getByTestId("extension-closed")).toContainText(
    "The original deadline of EU (GDPR) has passed: the law no longer allows an extension.",
  );
  await expect(page.getByTestId("extension-section")).toHaveCount(0);
  await expectNoViolations(page, '[data-testid="extension-closed"]');
});

test("a JP-only request offers no extension", async ({ signIn, page }) => {
  const subject = await createUser("SUBJECT", { withSubject: true });
  const reference = await insertOpen({
    subjectId: subject.subjectId!,
    filedById: subject.id,
    jurisdictions: ["JP"],
  });
  await signIn("STAFF");
  await page.goto(`/ja/staff/requests/${reference}`);
  await expect(page.getByTestId("decision-panel")).toBeVisible();
  await expect(page.getByTestId("extension-section")).toHaveCount(0);
});
