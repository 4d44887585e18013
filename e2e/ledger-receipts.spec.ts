import { randomBytes, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";

import { hashKey } from "../lib/integration/keys";
import { sql } from "./support/db";
import { expect, test } from "./support/fixtures";

// APPI Art.30 receipt records from end to end: the points system pushes a record of data it
// received from a partner through /api/v1/receipts, and the person sees on their ledger who
// provided it, how that provider obtained it and which items, in Japanese and English, at desk
// and phone widths. (Disclosing them in a provision-records answer: journey-requests.spec.ts.)

/** A PUSH_RECEIPTS key of a system, as a manager would create it in the settings. */
async function receiptKey(system: string): Promise<string> {
  const prefix = randomBytes(6).toString("hex");
  const key = `dsk_${prefix}_${randomBytes(32).toString("base64url")}`;
  await sql().query(
    `INSERT INTO "ApiKey" (id, "systemId", label, prefix, hash, scopes)
     SELECT $1, s.id, 'e2e receipts', $2, $3, ARRAY['PUSH_RECEIPTS']::"ApiScope"[]
     FROM "DataSystem" s WHERE s.key = $4`,
    [randomUUID(), prefix, hashKey(key), system],
  );
  return key;
}

async function linkExternalId(subjectId: string, system: string): Promise<string> {
  const externalId = `PTS-${randomUUID()}`;
  await sql().query(
    `INSERT INTO "SubjectExternalId" (id, "subjectId", "systemId", "externalId")
     SELECT $1, $2, s.id, $3 FROM "DataSystem" s WHERE s.key = $4`,
    [randomUUID(), subjectId, externalId, system],
  );
  return externalId;
}

for (const width of [1280, 375]) {
  test(`a receipt pushed by a system shows on the person's ledger (${width} px)`, async ({
    page,
    signIn,
    request,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    const person = await signIn("SUBJECT", { withSubject: true });
    const externalId = await linkExternalId(person.subjectId!, "points");
    const key = await receiptKey("points");
    const event = {
      eventId: `rcv-${randomUUID()}`,
      subject: externalId,
      provider: {
        name: "株式会社ポイントアライアンス",
        address: "東京都港区芝公園二丁目4番1号",
        representative: "代表取締役 岡本 直樹",
      },
      acquisitionMethod: "提供元の会員規約に基づき本人が入力し、当社との連携に同意したもの",
      receivedAt: "2026-04-02T10:00:00+09:00",
      items: ["email", "points_balance"],
      legalBasis: "CONSENT",
      keepUntil: "2029-04-02T00:00:00+09:00",
    };
    const headers = { Authorization: `Bearer ${key}` };
    const pushed = await request.post("/api/v1/receipts", { headers, data: { events: [event] } });
    expect(pushed.status()).toBe(200);
    expect(await pushed.json()).toEqual({ received: 1, stored: 1, duplicates: 0 });
    // A retry of the same event is a duplicate, not a second record.
    const again = await request.post("/api/v1/receipts", { headers, data: { events: [event] } });
    expect(await again.json()).toEqual({ received: 1, stored: 0, duplicates: 1 });

    await page.goto("/ja/me/ledger");
    const section = page.getByRole("region", {
      name: "第三者から受け取った個人データ（受領記録）",
    });
    const card = section.locator("[data-receipt]");
    await expect(card).toHaveCount(1);
    await expect(card.getByRole("heading", { name: "株式会社ポイントアライアンス" })).toBeVisible();
    await expect(card).toContainText("2026年4月2日");
    await expect(card).toContainText("東京都港区芝公園二丁目4番1号");
    await expect(card).toContainText("代表者: 代表取締役 岡本 直樹");
    await expect(card).toContainText("本人が入力し、当社との連携に同意したもの");
    await expect(card).toContainText("メールアドレス、ポイント残高・利用履歴");
    await expect(card).toContainText("本人の同意");
    // The cards fit the phone's width (the provision table beside them is issue 15's to fold).
    const box = (await card.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    await section.screenshot({ path: test.info().outputPath(`receipts-ja-${width}.png`) });

    // The ledger's downloads carry the receipt after the provision entries.
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "CSV形式でダウンロード" }).click(),
    ]);
    const lines = (await readFile(await csv.path(), "utf8")).trimEnd().split("\r\n");
    const title = lines.indexOf("第三者から受け取った記録（第30条）");
    expect(title).toBeGreaterThan(0);
    expect(lines[title + 2]).toContain("株式会社ポイントアライアンス");
    expect(lines[title + 2]).toContain("代表取締役 岡本 直樹");
    const [json] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "JSON形式でダウンロード" }).click(),
    ]);
    const data = JSON.parse(await readFile(await json.path(), "utf8")) as {
      receipts: { provider: { name: string }; receivedAt: string }[];
    };
    expect(data.receipts).toEqual([
      expect.objectContaining({
        provider: expect.objectContaining({ name: "株式会社ポイントアライアンス" }),
        receivedAt: "2026-04-02T01:00:00.000Z",
      }),
    ]);

    await page.goto("/en/me/ledger");
    const english = page.getByRole("region", {
      name: "Personal data received from third parties (receipt records)",
    });
    await expect(english).toContainText("Email address, Points balance and use");
    await expect(english).toContainText("How the provider obtained it");
    await expect(english).toContainText("Your consent");

    // A period that excludes the receipt hides it with the provisions.
    await page.goto("/ja/me/ledger?from=2026-05-01");
    await expect(section).toContainText("第三者から受け取った記録はありません。");
  });
}
