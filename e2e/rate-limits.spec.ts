import { randomUUID } from "node:crypto";

import { insertRequest, sql } from "./support/db";
import { expect, test } from "./support/fixtures";

// Rate limits answer 429 with Retry-After: magic-link mails per address (next-auth's endpoint
// called directly, as a script would), and uploads per person. Counters live in PostgreSQL, so
// every app process shares them.

test("a sixth magic-link mail for one address within 15 minutes is refused with Retry-After", async ({
  request,
}) => {
  const email = `limit-${randomUUID()}@test.example.jp`;
  const post = () =>
    request.post("/api/auth/signin/nodemailer", {
      form: { email, csrfToken: "x", callbackUrl: "/ja/me" },
      maxRedirects: 0,
    });
  for (let i = 0; i < 5; i++) expect((await post()).status()).not.toBe(429);
  const refused = await post();
  expect(refused.status()).toBe(429);
  const retryAfter = Number(refused.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  expect(await refused.json()).toEqual({ error: "errors.tooManyRequests" });
  // Another address is not affected.
  const other = await request.post("/api/auth/signin/nodemailer", {
    form: { email: `other-${randomUUID()}@test.example.jp`, csrfToken: "x" },
    maxRedirects: 0,
  });
  expect(other.status()).not.toBe(429);
});

test("the sign-in form shows the translated refusal once the address's limit is used up", async ({
  page,
}) => {
  const email = `limit-${randomUUID()}@test.example.jp`;
  for (let i = 0; i < 5; i++) {
    await page.request.post("/api/auth/signin/nodemailer", {
      form: { email, csrfToken: "x" },
      maxRedirects: 0,
    });
  }
  await page.goto("/ja/sign-in");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByRole("button", { name: "ログインリンクを送る" }).click();
  await expect(page.getByText("短時間に操作が集中しています")).toBeVisible();
});

test("the 31st upload within 10 minutes is refused with Retry-After and nothing is stored", async ({
  page,
  signIn,
}) => {
  const me = await signIn("SUBJECT", { withSubject: true });
  const mine = await insertRequest({
    subjectId: me.subjectId!,
    filedById: me.id,
    status: "AWAITING_IDENTITY",
  });
  // Empty files are refused by the checks, but each attempt counts against the limit.
  const upload = () =>
    page.request.post(`/api/requests/${mine.reference}/documents`, {
      multipart: {
        file: { name: "a.png", mimeType: "image/png", buffer: Buffer.alloc(0) },
        kind: "PASSPORT",
        owner: "SUBJECT",
      },
    });
  for (let i = 0; i < 30; i++) expect((await upload()).status()).toBe(400);
  const refused = await upload();
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  const { rows } = await sql().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "IdentityDocument" WHERE "requestId" = $1`,
    [mine.id],
  );
  expect(rows[0]!.n).toBe(0);
});
