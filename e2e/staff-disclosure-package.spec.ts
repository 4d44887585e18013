import { randomInt, randomUUID } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { format } from "../lib/i18n/interpolate";
import { disclosurePackage } from "../lib/i18n/messages/sections/disclosurePackage";
import { review } from "../lib/i18n/messages/sections/review";
import { insertItem, requestStatus, sql } from "./support/db";
import { expect, test } from "./support/fixtures";
import { expectTranslated } from "./support/staff";

// A disclosure from verification to a downloadable package: staff check the items, withhold one
// with a reason, build the package, complete the request, and the requester downloads the files
// (the format they chose and the readable document) without the withheld item or any ID number.

const en = disclosurePackage.en;
const ja = disclosurePackage.ja;

async function expectNoViolations(page: Page, selector: string) {
  await expectTranslated(page);
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

/** The fulfilment tasks verification created (if any) have all finished. */
async function tasksSettled(reference: string): Promise<boolean> {
  const { rows } = await sql().query<{ open: number }>(
    `SELECT count(*)::int AS open FROM "FulfilmentTask" t JOIN "Request" r ON r.id = t."requestId"
     WHERE r.reference = $1 AND t.status <> 'SUCCEEDED'`,
    [reference],
  );
  return rows[0]!.open === 0;
}

async function auditCount(reference: string, action: string): Promise<number> {
  const { rows } = await sql().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "AuditEvent" a JOIN "Request" r ON r.id = a."requestId"
     WHERE r.reference = $1 AND a.action = $2`,
    [reference, action],
  );
  return rows[0]!.n;
}

test("staff withhold an item, build the package, and the requester downloads it (en)", async ({
  page,
  signIn,
  signInElsewhere,
  baseURL,
}) => {
  const me = await signIn("SUBJECT", { withSubject: true });
  const subjectId = me.subjectId!;
  await insertItem({
    subjectId,
    system: "members",
    category: "phone",
    field: "phone",
    value: "090-5555-0101",
  });
  await insertItem({
    subjectId,
    system: "support",
    category: "inquiry_history",
    field: "inquiries",
    value: "Points were not credited (resolved)",
  });
  await insertItem({
    subjectId,
    system: "members",
    category: "member_id",
    field: "myNumber",
    value: "123456789012",
  });
  await insertItem({
    subjectId,
    system: "members",
    category: "member_id",
    field: "passportNo",
    value: "TK7654321",
  });

  // The subject asks for their data as CSV.
  await page.goto("/en/me/requests/new/disclosure");
  await page.getByLabel("All personal data you hold about me").check();
  await page.getByLabel("Format").selectOption("CSV");
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(/\/en\/me\/requests\/R-\d{4}-\d{6}/);
  const reference = (await page.getByTestId("reference").innerText()).trim();

  // Staff verify the requester's identity on the request page.
  const { page: staff } = await signInElsewhere("STAFF");
  await staff.goto(`${baseURL}/en/staff/requests/${reference}`);
  const identity = staff.getByRole("region", { name: review.en.title });
  await identity.getByLabel(review.en.checks.subject).check();
  await identity.getByLabel(review.en.verify.note).fill("Checked against the driving licence");
  await identity.getByRole("button", { name: review.en.verify.submit }).click();
  await expect(staff.getByTestId("status")).toHaveText("In progress");
  // Whatever tasks the fulfilment engine fanned out must finish before completion.
  await expect.poll(() => tasksSettled(reference), { timeout: 30_000 }).toBe(true);
  await staff.reload();

  const panel = staff.getByRole("region", { name: en.panel.title });
  await expect(panel).toContainText(en.panel.formats.replace("{formats}", "CSV, HTML (readable)"));
  const items = panel.getByTestId("package-items");
  await expect(items).toContainText("090-5555-0101");
  await expect(items).toContainText("Points were not credited (resolved)");
  // The My Number is never included and not even shown here.
  const row = (text: string) => items.getByTestId("package-item").filter({ hasText: text });
  const idRow = items.locator('[data-state="never"]');
  await expect(idRow).toContainText(en.preview.never.replace("{kind}", en.kind.MY_NUMBER));
  await expect(items).not.toContainText("123456789012");
  // A passport number is the person's own: disclosed unless staff find a ground, and marked.
  await expect(row("TK7654321")).toHaveAttribute("data-state", "check");
  await expect(row("TK7654321")).toContainText(
    en.preview.check.replace("{kind}", en.kind.GOVERNMENT_ID),
  );
  await expectNoViolations(staff, '[data-testid="package-panel"]');

  // Withhold the phone number: a reason is required.
  // Items carry the data map's labels, never the systems' field keys.
  await expect(items).not.toContainText("myNumber");
  await items.getByRole("button", { name: `${en.preview.redact}: Phone number` }).click();
  await panel.getByRole("button", { name: en.preview.save }).click();
  await expect(panel.getByText("This field is required")).toBeVisible();
  await expect(panel.getByText(en.preview.chooseGround).last()).toBeVisible();
  await panel.getByLabel(en.preview.ground).selectOption("HARM_TO_PERSON");
  await panel.getByLabel(en.preview.reason).fill("It is another person's number");
  await panel.getByRole("button", { name: en.preview.save }).click();
  await expect(panel.getByLabel(en.preview.reason)).toHaveCount(0);
  // The requester reads the ground, then the reason.
  await expect(row("090-5555-0101")).toContainText(
    "Withheld: It could harm the life, body, property or other rights and interests of the person or a third party (It is another person's number)",
  );
  await expectNoViolations(staff, '[data-testid="package-panel"]');

  await panel.getByRole("button", { name: en.build.submit }).click();
  await expect(staff.getByTestId("toast")).toContainText(format(en.build.done, { count: 2 }, "en"));
  const prepared = panel.getByTestId("prepared-packages");
  const csvLink = prepared.getByRole("link", {
    name: en.prepared.download.replace("{format}", "CSV"),
  });
  await expect(csvLink).toBeVisible();
  await expect(panel.getByRole("button", { name: en.build.rebuild })).toBeVisible();

  // Staff can check the built file before release (audited); the requester cannot reach it.
  const staffHref = (await csvLink.getAttribute("href"))!;
  const checked = await staff.request.get(`${baseURL}${staffHref}`);
  expect(checked.status()).toBe(200);
  expect(checked.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(await checked.text()).toContain("Points were not credited (resolved)");
  expect(await auditCount(reference, "package.preview")).toBe(1);
  expect((await page.request.get(`${baseURL}${staffHref}`)).status()).toBe(404);
  expect(
    (await page.request.get(`${baseURL}/api/staff/packages/items?reference=${reference}`)).status(),
  ).toBe(403);

  // Completing the request releases the built package.
  const decision = staff.getByTestId("decision-panel");
  await decision.getByLabel("Answer to the requester").fill("Please find your data attached.");
  await decision.getByRole("button", { name: "Complete" }).click();
  await expect(staff.getByTestId("status")).toHaveText("Completed");
  expect(await requestStatus(reference)).toBe("COMPLETED");

  await page.goto(`/en/me/requests/${reference}`);
  const csv = page.getByRole("link", { name: en.download.CSV });
  const html = page.getByRole("link", { name: en.download.HTML });
  await expect(csv).toBeVisible();
  await expect(html).toBeVisible();

  const csvResponse = await page.request.get(`${baseURL}${await csv.getAttribute("href")}`);
  expect(csvResponse.status()).toBe(200);
  expect(csvResponse.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csvResponse.headers()["content-disposition"]).toBe(
    `attachment; filename="${reference}.csv"`,
  );
  const csvText = (await csvResponse.body()).toString("utf8");
  expect(csvText.startsWith("\uFEFFKind of information,System,Item,Content")).toBe(true);
  expect(csvText).toContain("Enquiries,Points were not credited (resolved)");
  expect(csvText).not.toContain("090-5555-0101");
  expect(csvText).not.toContain("123456789012");
  // The passport number nobody withheld is disclosed.
  expect(csvText).toContain("TK7654321");

  const htmlResponse = await page.request.get(`${baseURL}${await html.getAttribute("href")}`);
  expect(htmlResponse.headers()["content-type"]).toBe("text/html; charset=utf-8");
  expect(htmlResponse.headers()["content-disposition"]).toBe(
    `attachment; filename="${reference}.html"`,
  );
  const htmlText = await htmlResponse.text();
  expect(htmlText).toContain('<html lang="en">');
  expect(htmlText).toContain("Purposes of use");
  expect(htmlText).toContain("Points were not credited (resolved)");
  expect(htmlText).toContain("It is another person&#39;s number");
  expect(htmlText).not.toContain("090-5555-0101");
  expect(htmlText).not.toContain("123456789012");
  expect(await auditCount(reference, "package.download")).toBe(2);
});

test("a PDF package downloads as a PDF with the Japanese font embedded", async ({
  page,
  signIn,
  signInElsewhere,
  baseURL,
}) => {
  const me = await signIn("SUBJECT", { withSubject: true });
  await insertItem({
    subjectId: me.subjectId!,
    system: "support",
    category: "reviews",
    field: "reviews",
    value: "口コミ 2件「前菜の盛り合わせが美味しい」",
  });
  const reference = `R-2099-${String(randomInt(1e6)).padStart(6, "0")}`;
  await sql().query(
    `INSERT INTO "Request" (id, reference, type, status, "subjectId", "filedById", details, "identityVerifiedAt", "dueAt", "updatedAt")
     VALUES ($1, $2, 'DISCLOSURE', 'IN_PROGRESS', $3, $4, $5, now(), now() + interval '10 days', now())`,
    [
      randomUUID(),
      reference,
      me.subjectId,
      me.id,
      JSON.stringify({ scope: "ALL", categoryKeys: [], method: "PDF", postalAddress: "" }),
    ],
  );

  const { page: staff } = await signInElsewhere("STAFF");
  await staff.goto(`${baseURL}/ja/staff/requests/${reference}`);
  const panel = staff.getByRole("region", { name: ja.panel.title });
  await expect(panel.getByTestId("package-items")).toContainText("前菜の盛り合わせが美味しい");
  await panel.getByRole("button", { name: ja.build.submit }).click();
  await expect(staff.getByTestId("toast")).toContainText(ja.build.done.replace("{count}", "1"));
  await expect(
    panel.getByRole("link", { name: ja.prepared.download.replace("{format}", "PDF") }),
  ).toBeVisible();
  const decision = staff.getByTestId("decision-panel");
  await decision.getByLabel("請求者への回答").fill("PDFでお送りします。");
  await decision.getByRole("button", { name: "完了する" }).click();
  await expect(staff.getByTestId("status")).toHaveText("完了");

  await page.goto(`/ja/me/requests/${reference}`);
  const link = page.getByRole("link", { name: ja.download.PDF });
  const response = await page.request.get(`${baseURL}${await link.getAttribute("href")}`);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toBe(`attachment; filename="${reference}.pdf"`);
  const pdf = (await response.body()).toString("latin1");
  expect(pdf.startsWith("%PDF-1.7")).toBe(true);
  expect(pdf).toMatch(/\/BaseFont \/PKGAAA\+NotoSansJP/);
  expect(pdf).toContain("/ToUnicode");
});

test("a system that could not be gathered is named to staff and stated in the person's package", async ({
  page,
  signIn,
  signInElsewhere,
  baseURL,
}) => {
  const me = await signIn("SUBJECT", { withSubject: true });
  await insertItem({
    subjectId: me.subjectId!,
    system: "members",
    category: "name",
    field: "fullName",
    value: "欠落 花子",
  });
  await insertItem({
    subjectId: me.subjectId!,
    system: "reservations",
    category: "reservation_history",
    field: "reservations",
    value: "ポータルの写し 予約 2件",
  });
  const reference = `R-2099-${String(randomInt(1e6)).padStart(6, "0")}`;
  const requestId = randomUUID();
  await sql().query(
    `INSERT INTO "Request" (id, reference, type, status, "subjectId", "filedById", details, "identityVerifiedAt", "dueAt", "updatedAt")
     VALUES ($1, $2, 'DISCLOSURE', 'IN_PROGRESS', $3, $4, $5, now(), now() + interval '10 days', now())`,
    [
      requestId,
      reference,
      me.subjectId,
      me.id,
      JSON.stringify({ scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" }),
    ],
  );
  // The reservations system never answered its export.
  await sql().query(
    `INSERT INTO "FulfilmentTask" (id, "requestId", "systemId", action, status, attempts, "lastError", "finishedAt")
     SELECT $1, $2, s.id, 'EXPORT', 'FAILED', 5, 'timeout', now() FROM "DataSystem" s WHERE s.key = 'reservations'`,
    [randomUUID(), requestId],
  );

  const { page: staff } = await signInElsewhere("STAFF");
  await staff.goto(`${baseURL}/ja/staff/requests/${reference}`);
  const panel = staff.getByRole("region", { name: ja.panel.title });
  const sources = panel.getByTestId("package-sources");
  await expect(sources.locator("li[data-state=missing]")).toContainText(
    "予約: 取得できませんでした（タスクが失敗: タイムアウト（システムが時間内に応答しませんでした））",
  );
  await panel.getByRole("button", { name: ja.build.submit }).click();
  await expect(panel.getByText(ja.errors.gapsNotAccepted)).toBeVisible();
  await panel.getByLabel(ja.panel.acceptGaps).check();
  await panel.getByRole("button", { name: ja.build.submit }).click();
  await expect(staff.getByTestId("toast")).toContainText(ja.build.done.replace("{count}", "2"));
  await expectNoViolations(staff, '[data-testid="package-panel"]');

  // The failed task keeps the request open; cancelling it changes the sources, so the package
  // must be built again before it can go out.
  const decision = staff.getByTestId("decision-panel");
  await decision.getByLabel("請求者への回答").fill("取得できたデータをお送りします。");
  await decision.getByRole("button", { name: "完了する" }).click();
  await expect(decision.getByTestId("open-tasks-error")).toBeVisible();
  await staff.locator("summary", { hasText: "取り消す" }).click();
  await staff.getByLabel("取り消す理由（必須）").fill("予約システムは移行のため停止中");
  await staff.getByRole("button", { name: "タスクを取り消す" }).click();
  await expect(sources.locator("li[data-state=missing]")).toContainText(
    "タスクを中止: 予約システムは移行のため停止中",
  );
  await decision.getByLabel("請求者への回答").fill("取得できたデータをお送りします。");
  await decision.getByRole("button", { name: "完了する" }).click();
  await expect(decision.getByText(ja.errors.outdated)).toBeVisible();
  await panel.getByLabel(ja.panel.acceptGaps).check();
  await panel.getByRole("button", { name: ja.build.rebuild }).click();
  await expect(staff.getByTestId("toast")).toContainText(ja.build.done.replace("{count}", "2"));
  await decision.getByLabel("請求者への回答").fill("取得できたデータをお送りします。");
  await decision.getByRole("button", { name: "完了する" }).click();
  await expect(staff.getByTestId("status")).toHaveText("完了");

  // The person's files say which system is missing, and never how staff described it.
  await page.goto(`/ja/me/requests/${reference}`);
  const json = await page.request.get(
    `${baseURL}${await page.getByRole("link", { name: ja.download.JSON }).getAttribute("href")}`,
  );
  const content = (await json.json()) as {
    missingData: { system: string; reason: string }[];
    items: { value: string }[];
  };
  expect(content.missingData).toEqual([{ system: "予約", reason: "cancelled" }]);
  expect(content.items.map((i) => i.value).sort()).toEqual([
    "ポータルの写し 予約 2件",
    "欠落 花子",
  ]);
  const html = await (
    await page.request.get(
      `${baseURL}${await page.getByRole("link", { name: ja.download.HTML }).getAttribute("href")}`,
    )
  ).text();
  expect(html).toContain(ja.gaps.title);
  expect(html).toContain("予約: 取得の手続きを中止しました");
  expect(html).not.toContain("移行のため停止中");
});
