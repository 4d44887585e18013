import { pngImage } from "../lib/identity/test-fixtures";
import { createUser, insertRequest, sql } from "./support/db";
import { expect, test } from "./support/fixtures";

// The upload endpoint posted to directly, as a script would: another subject's request is unknown,
// an oversized body is refused before it is read, a cross-site post is refused, nothing is stored.

const MB = 1024 * 1024;

async function documentCount(requestId: string): Promise<number> {
  const { rows } = await sql().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "IdentityDocument" WHERE "requestId" = $1`,
    [requestId],
  );
  return rows[0]!.n;
}

const multipart = (buffer: Buffer) => ({
  file: { name: "a.png", mimeType: "image/png", buffer },
  kind: "PASSPORT",
  owner: "SUBJECT",
});

test("another subject's request and an unknown reference are not found", async ({
  page,
  signIn,
}) => {
  const other = await createUser("SUBJECT", { withSubject: true });
  const theirs = await insertRequest({
    subjectId: other.subjectId!,
    filedById: other.id,
    status: "SUBMITTED",
  });
  await signIn("SUBJECT", { withSubject: true });
  const png = await pngImage();

  const foreign = await page.request.post(`/api/requests/${theirs.reference}/documents`, {
    multipart: multipart(png),
  });
  expect(foreign.status()).toBe(404);
  expect(await foreign.json()).toEqual({ ok: false, error: "errors.notFound" });
  const unknown = await page.request.post(`/api/requests/R-2099-x00000/documents`, {
    multipart: multipart(png),
  });
  expect(unknown.status()).toBe(404);
  expect(await documentCount(theirs.id)).toBe(0);
});

test("signed out, an oversized body and a cross-site post are refused", async ({
  page,
  signIn,
  request,
}) => {
  const me = await signIn("SUBJECT", { withSubject: true });
  const mine = await insertRequest({
    subjectId: me.subjectId!,
    filedById: me.id,
    status: "AWAITING_IDENTITY",
  });
  const url = `/api/requests/${mine.reference}/documents`;

  const big = await page.request.post(url, { multipart: multipart(Buffer.alloc(11 * MB, 1)) });
  expect([big.status(), (await big.json()).error]).toEqual([413, "identity.errors.tooLarge"]);
  const forged = await page.request.post(url, {
    multipart: multipart(await pngImage()),
    headers: { origin: "https://evil.example" },
  });
  expect(forged.status()).toBe(403);
  expect(await documentCount(mine.id)).toBe(0);

  // The `request` fixture carries no session cookie.
  const signedOut = await request.post(url, { multipart: multipart(await pngImage()) });
  expect(signedOut.status()).toBe(401);
  expect(await documentCount(mine.id)).toBe(0);
});
