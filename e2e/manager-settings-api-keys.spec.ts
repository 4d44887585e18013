import AxeBuilder from "@axe-core/playwright";
import { createHash, randomUUID } from "node:crypto";

import { expect, test } from "./support/fixtures";
import { createUser, sql } from "./support/db";

// A manager issues an API key for a data system (shown once, stored as a hash, audited); the
// system then uses it with plain HTTP: pushes a batch of provision events twice (stored once),
// pushes items, and reads the subject's use restrictions. Then the manager revokes it.

const SCOPES = ["PUSH_PROVISIONS", "PUSH_DATA", "READ_RESTRICTIONS"];

async function mapKeys() {
  const one = async (query: string) => ((await sql().query(query)).rows[0] as { key: string }).key;
  return {
    recipient: await one(
      `SELECT key FROM "Recipient" WHERE "recipientClass" <> 'LAW_ENFORCEMENT' ORDER BY key LIMIT 1`,
    ),
    purpose: await one(`SELECT key FROM "Purpose" ORDER BY key LIMIT 1`),
    category: await one(`SELECT key FROM "DataCategory" ORDER BY key LIMIT 1`),
  };
}

/** A subject the "members" system knows by an id of its own. */
async function knownSubject() {
  const person = await createUser("SUBJECT", { withSubject: true });
  const externalId = `M-${randomUUID()}`;
  await sql().query(
    `INSERT INTO "SubjectExternalId" (id, "subjectId", "systemId", "externalId")
     SELECT $1, $2, id, $3 FROM "DataSystem" WHERE key = 'members'`,
    [randomUUID(), person.subjectId, externalId],
  );
  return { subjectId: person.subjectId!, externalId };
}

test("a manager issues a key once, a system pushes and reads with it, and it is revoked", async ({
  page,
  signIn,
  request,
}) => {
  await signIn("MANAGER");
  await page.goto("/ja/manager/settings/api-keys");
  await expect(page.getByRole("heading", { level: 1, name: "連携API" })).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  const members = page.locator("section[data-system=members]");
  // No scope chosen: the shared schema's message, nothing issued.
  await members.getByRole("button", { name: "発行する" }).click();
  await expect(members.getByText("スコープを1つ以上選んでください")).toBeVisible();

  const label = `e2e ${randomUUID().slice(0, 8)}`;
  await members.getByLabel("名前（任意）").fill(label);
  for (const scope of SCOPES) await members.locator(`input[value=${scope}]`).check();
  await members.getByRole("button", { name: "発行する" }).click();
  const shown = members.getByTestId("new-api-key");
  await expect(shown).toBeVisible();
  const key = await shown.inputValue();
  expect(key).toMatch(/^dsk_[0-9a-f]{12}_/);
  const axeAfter = await new AxeBuilder({ page }).analyze();
  expect(axeAfter.violations.map((v) => v.id)).toEqual([]);

  const { rows } = await sql().query(
    `SELECT k.id, k.hash, k.prefix, k.scopes::text[] AS scopes,
            (SELECT count(*)::int FROM "AuditEvent" a WHERE a."entityId" = k.id
               AND a.action = 'api-key.create' AND a.data::text NOT LIKE '%' || $2 || '%') AS audits
     FROM "ApiKey" k WHERE k.label = $1`,
    [label, key],
  );
  expect(rows).toHaveLength(1);
  expect(rows[0].hash).toBe(createHash("sha256").update(key).digest("hex"));
  expect([...rows[0].scopes].sort()).toEqual([...SCOPES].sort());
  expect(rows[0].audits).toBe(1);
  // Shown once: after a reload the page lists the key by its prefix only.
  await page.reload();
  await expect(members.getByTestId("new-api-key")).toHaveCount(0);
  const row = members.locator(`tr[data-prefix="${rows[0].prefix}"]`);
  await expect(row).toContainText(label);
  await expect(page.getByText(key)).toHaveCount(0);

  // The system's side: plain HTTP with the key.
  const auth = { Authorization: `Bearer ${key}` };
  const keys = await mapKeys();
  const subject = await knownSubject();
  const events = [1, 2, 3].map((n) => ({
    eventId: `e2e-${subject.externalId}-${n}`,
    subject: subject.externalId,
    recipient: keys.recipient,
    purpose: keys.purpose,
    providedAt: "2025-05-01T09:00:00+09:00",
    items: [keys.category],
    legalBasis: "CONSENT",
    keepUntil: "2028-05-01T00:00:00Z",
  }));
  const first = await request.post("/api/v1/provisions", { headers: auth, data: { events } });
  expect(first.status()).toBe(200);
  expect(await first.json()).toEqual({ received: 3, stored: 3, duplicates: 0 });
  const again = await request.post("/api/v1/provisions", { headers: auth, data: { events } });
  expect(await again.json()).toEqual({ received: 3, stored: 0, duplicates: 3 });

  const bad = await request.post("/api/v1/provisions", {
    headers: auth,
    data: { events: [events[0], { ...events[1], recipient: "no-such-recipient" }] },
  });
  expect(bad.status()).toBe(422);
  expect(await bad.json()).toMatchObject({
    error: { code: "invalid_items", items: [{ index: 1, code: "unknown_recipient" }] },
  });

  const items = await request.post(`/api/v1/subjects/${subject.externalId}/items`, {
    headers: auth,
    data: {
      items: [
        {
          eventId: `e2e-item-${subject.externalId}`,
          category: keys.category,
          field: "nickname",
          value: "テスト",
          collectedAt: "2025-05-01T00:00:00Z",
        },
      ],
    },
  });
  expect(await items.json()).toEqual({ received: 1, stored: 1, duplicates: 0 });

  await sql().query(
    `INSERT INTO "UseRestriction" (id, "subjectId", kind, "recipientId")
     SELECT $1, $2, 'RECIPIENT', id FROM "Recipient" WHERE key = $3`,
    [randomUUID(), subject.subjectId, keys.recipient],
  );
  const read = await request.get(`/api/v1/subjects/${subject.externalId}/restrictions`, {
    headers: auth,
  });
  expect(read.status()).toBe(200);
  const body = (await read.json()) as {
    restrictions: { kind: string }[];
    stoppedRecipients: string[];
  };
  expect(body.restrictions.map((r) => r.kind)).toEqual(["RECIPIENT"]);
  expect(body.stoppedRecipients).toEqual([keys.recipient]);

  // The page shows when the key was last used; revoking it refuses the next call.
  await page.reload();
  await expect(row).not.toContainText("未使用");
  await row.getByRole("button", { name: "失効" }).click();
  await row.getByRole("button", { name: "失効を確定" }).click();
  await expect(row.getByRole("button")).toHaveCount(0, { timeout: 10_000 });
  await expect(row).toContainText("に失効");
  const refused = await request.get(`/api/v1/subjects/${subject.externalId}/restrictions`, {
    headers: auth,
  });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: { code: "revoked" } });
});

test("the page is axe-clean in English and closed to staff", async ({ page, signIn }) => {
  await signIn("MANAGER");
  await page.goto("/en/manager/settings/api-keys");
  await expect(page.getByRole("heading", { level: 1, name: "Integration API" })).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.context().clearCookies();
  await signIn("STAFF");
  await page.goto("/en/manager/settings/api-keys");
  await expect(page.getByRole("button", { name: "Issue" })).toHaveCount(0);
});
