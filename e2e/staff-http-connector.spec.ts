import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { pngImage } from "../lib/identity/test-fixtures";
import { expect, test } from "./support/fixtures";
import { insertItem, sql } from "./support/db";

// An HTTP connector task against a test system this spec runs on localhost: the portal sends it a
// signed task once staff verify a disclosure, and it answers (200), fails (500, too slow), is
// retried from the page, or accepts (202) and calls back — where forged callbacks change nothing.

type Mode = "items" | "error" | "flaky" | "slow" | "accept";

interface TestSystem {
  key: string;
  secret: string;
  mode: Mode;
  received: { headers: Record<string, string | string[] | undefined>; body: string }[];
  server: Server;
}

const sign = (secret: string, timestamp: string, nonce: string, body: string) =>
  `sha256=${createHmac("sha256", secret).update(`${timestamp}.${nonce}.${body}`).digest("hex")}`;

function signedHeaders(
  secret: string,
  body: string,
  at = new Date(),
  nonce = randomBytes(16).toString("hex"),
) {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return {
    "Content-Type": "application/json",
    "X-DSAR-Timestamp": timestamp,
    "X-DSAR-Nonce": nonce,
    "X-DSAR-Signature": sign(secret, timestamp, nonce, body),
  };
}

function reply(res: ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(value));
}

/** A system of the organisation on a free port, registered as a fresh HTTP DataSystem. */
async function startSystem(mode: Mode, config: { timeoutMs?: number; retries?: number } = {}) {
  const system: TestSystem = {
    key: `e2e-sys-${randomBytes(4).toString("hex")}`,
    secret: randomBytes(24).toString("hex"),
    mode,
    received: [],
    server: createServer(),
  };
  system.server.on("request", (req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      const h = (name: string) => String(req.headers[name] ?? "");
      // A real system refuses a task that is not signed with its secret.
      if (
        h("x-dsar-signature") !==
        sign(system.secret, h("x-dsar-timestamp"), h("x-dsar-nonce"), body)
      )
        return reply(res, 401, { error: "bad signature" });
      system.received.push({ headers: req.headers, body });
      switch (system.mode) {
        case "items":
          return reply(res, 200, {
            items: [
              { field: "予約番号", categoryKey: "reservation_history", value: "RSV-2026-0042" },
              { field: "来店", categoryKey: "usage_record", value: "3回" },
            ],
          });
        case "error":
          return reply(res, 500, { error: "database down" });
        case "flaky":
          // Down for the first attempt only.
          system.mode = "items";
          return reply(res, 503, { error: "restarting" });
        case "slow":
          return setTimeout(() => reply(res, 200, { items: [] }), 3000);
        case "accept":
          return reply(res, 202, { accepted: true });
      }
    });
  });
  await new Promise<void>((resolve) => system.server.listen(0, "127.0.0.1", resolve));
  const port = (system.server.address() as AddressInfo).port;
  await sql().query(
    `INSERT INTO "DataSystem" (id, key, "nameJa", "nameEn", connector, config, secret, "updatedAt")
     VALUES ($1, $2, $3, $4, 'HTTP', $5, $6, now())`,
    [
      randomUUID(),
      system.key,
      `テスト予約システム ${system.key}`,
      `Test bookings ${system.key}`,
      JSON.stringify({ endpoint: `http://127.0.0.1:${port}/dsar`, timeoutMs: 5000, ...config }),
      system.secret,
    ],
  );
  return system;
}

/** A subject known to the system only (an item and its own id there), with a disclosure to verify. */
async function disclosureFor(subjectId: string, filedById: string, system: TestSystem) {
  await insertItem({
    subjectId,
    system: system.key,
    category: "reservation_history",
    field: "予約番号",
    value: "RSV-2026-0042",
  });
  const externalId = `EXT-${randomBytes(3).toString("hex")}`;
  await sql().query(
    `INSERT INTO "SubjectExternalId" (id, "subjectId", "systemId", "externalId")
     SELECT $1, $2, id, $3 FROM "DataSystem" WHERE key = $4`,
    [randomUUID(), subjectId, externalId, system.key],
  );
  const reference = `R-2099-${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
  await sql().query(
    `INSERT INTO "Request" (id, reference, type, status, "subjectId", "filedById", details, "dueAt", "updatedAt")
     VALUES ($1, $2, 'DISCLOSURE', 'IDENTITY_REVIEW', $3, $4, $5, now() + interval '10 days', now())`,
    [
      randomUUID(),
      reference,
      subjectId,
      filedById,
      JSON.stringify({ scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" }),
    ],
  );
  return { reference, externalId };
}

async function verify(page: Page, locale: "ja" | "en") {
  const subjectCheck = page.getByLabel(
    locale === "ja" ? /^本人の本人確認書類/ : /^The data subject's ID/,
  );
  if ((await subjectCheck.count()) > 0) await subjectCheck.check();
  const name = locale === "ja" ? "本人確認済みとして記録" : "Record identity as verified";
  await page.getByRole("button", { name }).click();
}

/** The tasks panel (with its manual-task forms) has no axe violations. */
async function expectPanelAxeClean(page: Page) {
  const results = await new AxeBuilder({ page })
    .include('section[aria-labelledby="tasks-title"]')
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

async function taskStatus(reference: string, systemKey: string) {
  const { rows } = await sql().query<{
    status: string;
    attempts: number;
    lastError: string | null;
  }>(
    `SELECT t.status, t.attempts, t."lastError" FROM "FulfilmentTask" t
     JOIN "Request" r ON r.id = t."requestId" JOIN "DataSystem" s ON s.id = t."systemId"
     WHERE r.reference = $1 AND s.key = $2`,
    [reference, systemKey],
  );
  return rows[0];
}

const systems: TestSystem[] = [];
test.afterAll(async () => {
  for (const s of systems) await new Promise((resolve) => s.server.close(resolve));
});

test("a system that answers 200 completes its export task, shown in the panel", async ({
  signIn,
  signInElsewhere,
  baseURL,
}) => {
  const system = await startSystem("items");
  systems.push(system);
  const subject = await signIn("SUBJECT", { withSubject: true });
  const { reference, externalId } = await disclosureFor(subject.subjectId!, subject.id, system);

  const { page: staff } = await signInElsewhere("STAFF");
  await staff.goto(`${baseURL}/ja/staff/requests/${reference}`);
  await verify(staff, "ja");
  const row = staff.getByTestId(`task-${system.key}-EXPORT`);
  await expect(row).toContainText(`テスト予約システム ${system.key}`);
  await expect(row).toContainText("HTTP連携");
  await expect(row).toContainText("データの書き出し");
  await expect(row.getByTestId("task-status")).toHaveText("完了");
  await expect(row.getByTestId("task-result")).toHaveText("2件");
  expect(await taskStatus(reference, system.key)).toEqual({
    status: "SUCCEEDED",
    attempts: 1,
    lastError: null,
  });

  // The system got a signed task with its own id for the person and nothing it does not need.
  expect(system.received).toHaveLength(1);
  const task = JSON.parse(system.received[0]!.body);
  expect(task).toMatchObject({
    requestReference: reference,
    action: "EXPORT",
    requestType: "DISCLOSURE",
    subject: { externalIds: [externalId], email: subject.email },
    details: { scope: "ALL", categoryKeys: [] },
    callbackUrl: `${baseURL}/api/connectors/${system.key}/callback`,
  });
  expect(task.details).not.toHaveProperty("postalAddress");

  await expectPanelAxeClean(staff);
});

test("a 500 fails the task with its reason; retry from the page succeeds once the system answers (en)", async ({
  signInElsewhere,
  baseURL,
  signIn,
}) => {
  test.setTimeout(120_000);
  const system = await startSystem("error", { retries: 0 });
  systems.push(system);
  const subject = await signIn("SUBJECT", { withSubject: true });
  const { reference } = await disclosureFor(subject.subjectId!, subject.id, system);

  const { page: staff } = await signInElsewhere("STAFF");
  await staff.goto(`${baseURL}/en/staff/requests/${reference}`);
  await verify(staff, "en");
  const row = staff.getByTestId(`task-${system.key}-EXPORT`);
  await expect(row.getByTestId("task-status")).toHaveText("Failed");
  await expect(row.getByTestId("task-connector")).toHaveText("HTTP");
  await expect(row.getByTestId("task-error")).toHaveText(
    "Last error: The system answered with an error (HTTP 500)",
  );
  await expect(row.getByTestId("task-attempts")).toHaveText("Attempts: 1");
  await expect(row.getByTestId("task-result")).toHaveText("—");
  expect(await taskStatus(reference, system.key)).toEqual({
    status: "FAILED",
    attempts: 1,
    lastError: "http_status:500",
  });
  await expectPanelAxeClean(staff);

  system.mode = "items";
  await row
    .getByRole("button", { name: new RegExp(`^Retry Export in Test bookings ${system.key}$`) })
    .click();
  await expect(row.getByTestId("task-status")).toHaveText("Succeeded");
  await expect(row.getByTestId("task-result")).toHaveText("2 items");
  await expect(row.getByTestId("task-error")).toHaveCount(0);
  await expect(row.getByTestId("task-attempts")).toHaveText("Attempts: 2");
  expect(await taskStatus(reference, system.key)).toEqual({
    status: "SUCCEEDED",
    attempts: 2,
    lastError: null,
  });
  await expect(row.getByRole("button", { name: /^Retry/ })).toHaveCount(0);
});

test("a system that fails once is retried by the queue with backoff, then succeeds", async ({
  signInElsewhere,
  baseURL,
  signIn,
}) => {
  test.setTimeout(120_000);
  const system = await startSystem("flaky", { retries: 2 });
  systems.push(system);
  const subject = await signIn("SUBJECT", { withSubject: true });
  const { reference } = await disclosureFor(subject.subjectId!, subject.id, system);

  const { page: staff } = await signInElsewhere("STAFF");
  await staff.goto(`${baseURL}/ja/staff/requests/${reference}`);
  await verify(staff, "ja");
  const row = staff.getByTestId(`task-${system.key}-EXPORT`);
  // Between attempts the task waits to be retried, with the first attempt's reason shown.
  await expect(row.getByTestId("task-status")).toHaveText("再試行待ち");
  await expect(row.getByTestId("task-error")).toHaveText(
    "直近のエラー：システムがエラーを返しました（HTTP 503）",
  );
  await expect(row.getByTestId("task-status")).toHaveText("完了", { timeout: 45_000 });
  await expect(row.getByTestId("task-error")).toHaveCount(0);
  await expect(row.getByTestId("task-attempts")).toHaveText("試行 2回");
  expect((await taskStatus(reference, system.key))?.attempts).toBe(2);
});

test("a system that does not answer in time fails the task; staff cancel it with a note", async ({
  signInElsewhere,
  baseURL,
  signIn,
}) => {
  test.setTimeout(120_000);
  const system = await startSystem("slow", { timeoutMs: 500, retries: 0 });
  systems.push(system);
  const subject = await signIn("SUBJECT", { withSubject: true });
  const { reference } = await disclosureFor(subject.subjectId!, subject.id, system);

  const { page: staff } = await signInElsewhere("STAFF");
  await staff.goto(`${baseURL}/ja/staff/requests/${reference}`);
  await verify(staff, "ja");
  const row = staff.getByTestId(`task-${system.key}-EXPORT`);
  await expect(row.getByTestId("task-status")).toHaveText("失敗");
  await expect(row.getByTestId("task-error")).toHaveText(
    "直近のエラー：タイムアウト（システムが時間内に応答しませんでした）",
  );

  await row.getByText("取り消す", { exact: true }).click();
  await row.getByRole("button", { name: "タスクを取り消す" }).click();
  await expect(row.getByText("入力してください")).toBeVisible();
  await row.getByLabel("取り消す理由（必須）").fill("このシステムは廃止予定のため手作業で確認");
  await row.getByRole("button", { name: "タスクを取り消す" }).click();
  await expect(row.getByTestId("task-status")).toHaveText("取消");
  await expect(row.getByTestId("task-result")).toHaveText(
    "メモ: このシステムは廃止予定のため手作業で確認",
  );
  expect((await taskStatus(reference, system.key))?.status).toBe("CANCELLED");
});

test("a system that accepts with 202 completes by signed callback; forged ones change nothing", async ({
  signInElsewhere,
  baseURL,
  signIn,
  request,
}) => {
  const system = await startSystem("accept");
  systems.push(system);
  const subject = await signIn("SUBJECT", { withSubject: true });
  const { reference } = await disclosureFor(subject.subjectId!, subject.id, system);

  const { page: staff } = await signInElsewhere("STAFF");
  await staff.goto(`${baseURL}/ja/staff/requests/${reference}`);
  await verify(staff, "ja");
  const row = staff.getByTestId(`task-${system.key}-EXPORT`);
  await expect(row.getByTestId("task-status")).toContainText("実行中");
  await expect.poll(() => system.received.length).toBe(1);
  const sent = JSON.parse(system.received[0]!.body) as { taskId: string; callbackUrl: string };

  const body = JSON.stringify({
    taskId: sent.taskId,
    status: "SUCCEEDED",
    result: {
      items: [{ field: "予約番号", categoryKey: "reservation_history", value: "RSV-2026-0042" }],
    },
  });
  // Raw bytes, so the body arrives exactly as signed (a string would be re-encoded as JSON).
  const post = (data: string, headers: Record<string, string>) =>
    request.post(sent.callbackUrl, { data: Buffer.from(data), headers });

  // Forged: another secret, a tampered body, a stale or missing signature.
  const forged = await post(body, signedHeaders("not-the-secret", body));
  expect(forged.status()).toBe(401);
  const tampered = await post(
    body.replace("RSV-2026-0042", "RSV-9999-0000"),
    signedHeaders(system.secret, body),
  );
  expect(tampered.status()).toBe(401);
  const stale = await post(
    body,
    signedHeaders(system.secret, body, new Date(Date.now() - 10 * 60_000)),
  );
  expect(stale.status()).toBe(401);
  expect(await stale.json()).toEqual({ ok: false, error: "stale" });
  const unsigned = await post(body, { "Content-Type": "application/json" });
  expect(unsigned.status()).toBe(401);
  const garbage = "{not json";
  expect((await post(garbage, signedHeaders(system.secret, garbage))).status()).toBe(400);
  expect(await taskStatus(reference, system.key)).toMatchObject({ status: "RUNNING" });

  const headers = signedHeaders(system.secret, body);
  const valid = await post(body, headers);
  expect(valid.status()).toBe(200);
  await expect(row.getByTestId("task-status")).toHaveText("完了");
  await expect(row.getByTestId("task-result")).toHaveText("1件");

  // The very same callback again is a replay.
  const replay = await post(body, headers);
  expect(replay.status()).toBe(401);
  expect(await replay.json()).toEqual({ ok: false, error: "replayed" });
  expect(await taskStatus(reference, system.key)).toMatchObject({ status: "SUCCEEDED" });
});

test("a manual task is taken, worked through its checklist and completed with a file", async ({
  signInElsewhere,
  baseURL,
  signIn,
}) => {
  const subject = await signIn("SUBJECT", { withSubject: true });
  // The demo organisation's job-application system is MANUAL.
  await insertItem({
    subjectId: subject.subjectId!,
    system: "recruiting",
    category: "job_application",
    field: "履歴書",
    value: "2025年4月提出",
  });
  const reference = `R-2099-${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
  await sql().query(
    `INSERT INTO "Request" (id, reference, type, status, "subjectId", "filedById", details, "dueAt", "updatedAt")
     VALUES ($1, $2, 'DISCLOSURE', 'IDENTITY_REVIEW', $3, $4, $5, now() + interval '10 days', now())`,
    [
      randomUUID(),
      reference,
      subject.subjectId,
      subject.id,
      JSON.stringify({ scope: "ALL", categoryKeys: [], method: "JSON", postalAddress: "" }),
    ],
  );
  const { page: staff } = await signInElsewhere("STAFF");
  await staff.goto(`${baseURL}/ja/staff/requests/${reference}`);
  await verify(staff, "ja");
  const row = staff.getByTestId("task-recruiting-EXPORT");
  await expect(row.getByTestId("task-status")).toHaveText("待機中");
  const manual = staff.getByRole("region", { name: "手作業: 採用・求職支援（データの書き出し）" });
  await manual.getByRole("button", { name: "担当する" }).click();
  await expect(row.getByTestId("task-status")).toContainText("実行中");

  await manual.getByLabel("本人の記録をすべて探し当てた").check();
  await manual
    .getByLabel("完了メモ（必須・対応の記録として残ります）")
    .fill("紙の応募書類を確認し書き出した");
  await manual.getByRole("button", { name: "完了にする" }).click();
  await expect(
    manual.getByText("チェックリストの項目をすべて確認してください。").first(),
  ).toBeVisible();

  await manual.getByLabel("記録を書き出した").check();
  await manual.getByLabel("第三者の情報が含まれていないか確認した").check();
  await manual.getByLabel("添付ファイル（任意）").setInputFiles({
    name: "scan.png",
    mimeType: "image/png",
    buffer: await pngImage(),
  });
  await manual.getByRole("button", { name: "完了にする" }).click();
  await expect(row.getByTestId("task-status")).toHaveText("完了");
  await expect(row.getByTestId("task-result")).toContainText(
    "メモ: 紙の応募書類を確認し書き出した",
  );
  await expect(row.getByTestId("task-result")).toContainText("添付: scan.png");
  await expect(manual).toHaveCount(0);
  await expectPanelAxeClean(staff);

  // The attachment opens for staff (audited) and for nobody else.
  const href = await row.getByRole("link", { name: "scan.png" }).getAttribute("href");
  const file = await staff.request.get(`${baseURL}${href}`);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("image/png");
  const opened = await sql().query(
    `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'task-attachment.open'
     AND "requestId" = (SELECT id FROM "Request" WHERE reference = $1)`,
    [reference],
  );
  expect(opened.rows[0]).toEqual({ n: 1 });
  const { page: other } = await signInElsewhere("SUBJECT", { withSubject: true });
  expect((await other.request.get(`${baseURL}${href}`)).status()).toBe(404);
});

test("the demo's simulated system does not exist outside demo mode", async ({
  request,
  baseURL,
}) => {
  const response = await request.post(`${baseURL}/api/demo/connector?system=reservations`, {
    data: Buffer.from("{}"),
    headers: { "Content-Type": "application/json" },
  });
  expect(response.status()).toBe(404);
});
