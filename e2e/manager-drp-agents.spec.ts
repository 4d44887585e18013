import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { generateKeyPairSync, randomUUID } from "node:crypto";

import { expect, test } from "./support/fixtures";
import { createUser, insertRequest, sql } from "./support/db";

// A manager registers an authorised agent of the Data Rights Protocol (its Ed25519 verify key
// stored in one canonical form, audited), a bad key is refused beside its field, and the agent is
// revoked through the confirmation dialog. Staff see a DRP request's agent and the identity it
// attests on the request page.

/** An agent's key as the DRP agent directory gives it: the 32 raw bytes, here base64url. */
function agentKey() {
  const { publicKey } = generateKeyPairSync("ed25519");
  const entered = publicKey.export({ format: "jwk" }).x!;
  return { entered, stored: Buffer.from(entered, "base64url").toString("base64") };
}

async function axeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  return axe.violations.map((v) => v.id);
}

/** At 375 px nothing sticks out sideways. */
async function fitsPhone(page: Page) {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
}

test("a manager registers an authorised agent, a bad key is refused, and it is revoked", async ({
  page,
  signIn,
}) => {
  await signIn("MANAGER");
  await page.goto("/ja/manager/settings");
  await page.getByRole("link", { name: "認定代理人（データ権利プロトコル）" }).click();
  await expect(page).toHaveURL(/\/ja\/manager\/settings\/drp-agents$/);
  await expect(
    page.getByRole("heading", { level: 1, name: "認定代理人（データ権利プロトコル）" }),
  ).toBeVisible();
  // Where agents connect; the business id when DRP is on, else how to turn it on.
  const endpoint = page.getByTestId("drp-endpoint");
  await expect(endpoint).toContainText("/api/drp");
  await expect(endpoint).toContainText(/事業者ID（business-id）|DRP_BUSINESS_ID/);
  expect(await axeViolations(page)).toEqual([]);

  const form = page.getByRole("form", { name: "認定代理人を登録" });
  const agentId = `E2E_${randomUUID().slice(0, 8)}`;
  const name = `Permission Slip ${agentId}`;
  const keyField = form.getByLabel("署名検証鍵（Ed25519の公開鍵）");

  // Not a key: the shared schema's message beside the field, nothing registered.
  await form.getByLabel("代理人ID").fill(agentId);
  await form.getByLabel("名称", { exact: true }).fill(name);
  await keyField.fill("not-an-ed25519-key");
  await form.getByRole("button", { name: "登録する" }).click();
  await expect(
    form.getByText("Ed25519の公開鍵（64桁の16進数、または32バイトのBase64）を入力してください"),
  ).toBeVisible();
  await expect(keyField).toHaveAttribute("aria-invalid", "true");
  const none = await sql().query(`SELECT 1 FROM "DrpAgent" WHERE "agentId" = $1`, [agentId]);
  expect(none.rowCount).toBe(0);

  // The directory's key (base64url here) is stored as standard base64.
  const key = agentKey();
  await keyField.fill(key.entered);
  await form
    .getByLabel("本人確認の方針のURL（任意）")
    .fill("https://agent.example.com/identity-assurance");
  await form.getByLabel("技術窓口のメールアドレス（任意）").fill("drp@agent.example.com");
  await form.getByRole("button", { name: "登録する" }).click();
  const row = page.locator(`tr[data-agent-id="${agentId}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(name);
  await expect(row).toContainText(key.stored.slice(0, 12));
  await expect(row).toContainText("有効");
  await expect(row.getByRole("link", { name: `${name}の本人確認の方針` })).toHaveAttribute(
    "href",
    "https://agent.example.com/identity-assurance",
  );
  // The form is empty again, ready for the next agent.
  await expect(form.getByLabel("代理人ID")).toHaveValue("");

  const { rows } = await sql().query(
    `SELECT a.id, a."verifyKey", a."technicalContact",
            (SELECT count(*)::int FROM "AuditEvent" e
              WHERE e."entityId" = a.id AND e.action = 'drp-agent.register') AS audits
     FROM "DrpAgent" a WHERE a."agentId" = $1`,
    [agentId],
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    verifyKey: key.stored,
    technicalContact: "drp@agent.example.com",
    audits: 1,
  });

  // The same agent id again: refused beside the field.
  await form.getByLabel("代理人ID").fill(agentId);
  await form.getByLabel("名称", { exact: true }).fill(name);
  await keyField.fill(agentKey().entered);
  await form.getByRole("button", { name: "登録する" }).click();
  await expect(form.getByText("この代理人IDはすでに登録されています").first()).toBeVisible();

  // Revoking asks first; cancelling leaves the agent active.
  const revoke = row.getByRole("button", { name: "失効", exact: true });
  await revoke.click();
  const dialog = page.getByRole("dialog", { name: `${name}（${agentId}）を失効させますか` });
  await expect(dialog).toContainText("この操作は取り消せません");
  await dialog.getByRole("button", { name: "やめる" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("有効");

  await revoke.click();
  await dialog.getByRole("button", { name: "失効を確定" }).click();
  await expect(row.getByRole("button")).toHaveCount(0, { timeout: 10_000 });
  await expect(row).toContainText("に失効");
  const revoked = await sql().query(
    `SELECT a."revokedAt",
            (SELECT count(*)::int FROM "AuditEvent" e
              WHERE e."entityId" = a.id AND e.action = 'drp-agent.revoke') AS audits
     FROM "DrpAgent" a WHERE a."agentId" = $1`,
    [agentId],
  );
  expect(revoked.rows[0].revokedAt).not.toBeNull();
  expect(revoked.rows[0].audits).toBe(1);

  await fitsPhone(page);
});

test("the page is axe-clean in English, fits a phone, and is closed to staff", async ({
  page,
  signIn,
}) => {
  await signIn("MANAGER");
  await page.goto("/en/manager/settings/drp-agents");
  await expect(
    page.getByRole("heading", { level: 1, name: "Authorised agents (Data Rights Protocol)" }),
  ).toBeVisible();
  // A bad key in English: the translated message.
  const form = page.getByRole("form", { name: "Register an authorised agent" });
  await form.getByLabel("Verify key (Ed25519 public key)").fill("abc");
  await form.getByRole("button", { name: "Register" }).click();
  await expect(
    form.getByText("Enter an Ed25519 public key (64 hexadecimal digits, or base64 of 32 bytes)"),
  ).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await fitsPhone(page);

  await page.context().clearCookies();
  await signIn("STAFF");
  await page.goto("/en/manager/settings/drp-agents");
  await expect(page.getByRole("button", { name: "Register" })).toHaveCount(0);
});

test("staff see a DRP request's agent and the identity it attests", async ({ page, signIn }) => {
  const person = await createUser("SUBJECT", { withSubject: true });
  const { id, reference } = await insertRequest({
    subjectId: person.subjectId!,
    filedById: person.id,
    status: "IDENTITY_REVIEW",
  });
  const agentId = `E2E_${randomUUID().slice(0, 8)}`;
  const agentDetails = {
    drp: {
      agentId,
      agentName: "Permission Slip",
      identityAssuranceUrl: "https://agent.example.com/identity-assurance",
      exercise: "access",
      regime: "ccpa",
      relationships: ["customer"],
      claims: {
        name: "Taro Shiken",
        email: person.email,
        email_verified: true,
        phone_number: "+1-555-0100",
        phone_number_verified: false,
        power_of_attorney: "https://agent.example.com/poa/123",
      },
    },
  };
  await sql().query(
    `UPDATE "Request" SET channel = 'DRP', "filerRole" = 'APPOINTED_AGENT', "filedById" = NULL,
       "agentDetails" = $2 WHERE id = $1`,
    [id, JSON.stringify(agentDetails)],
  );

  await signIn("STAFF");
  await page.goto(`/ja/staff/requests/${reference}`);
  const panel = page.getByTestId("drp-agent");
  await expect(
    panel.getByRole("heading", { name: "認定代理人（データ権利プロトコル）" }),
  ).toBeVisible();
  await expect(panel.getByTestId("drp-agent-name")).toHaveText(`Permission Slip（${agentId}）`);
  await expect(panel.getByRole("link", { name: "代理人の本人確認の方針を開く" })).toHaveAttribute(
    "href",
    "https://agent.example.com/identity-assurance",
  );
  await expect(panel.getByTestId("drp-email")).toContainText("代理人が確認済み");
  await expect(panel.getByTestId("drp-phone")).toContainText("確認されていない");
  await expect(panel.getByTestId("drp-address")).toHaveText("申告なし");
  await expect(panel.getByTestId("drp-power-of-attorney")).toHaveText(
    "https://agent.example.com/poa/123",
  );
  const axe = await new AxeBuilder({ page }).include("[data-testid=drp-agent]").analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await fitsPhone(page);
});
