import { expect, test } from "./support/fixtures";
import { actionId, postAction } from "./support/actions";
import { createSession, createUser, insertRequest, requestStatus } from "./support/db";

// Authorization regressions: wrong role, another subject's request, direct URL and direct POST.

test("signed out, my page sends you to sign in", async ({ page }) => {
  await page.goto("/ja/me");
  await expect(page).toHaveURL(/\/ja\/sign-in$/);
});

test("a subject asking for another subject's request gets not found", async ({ page, signIn }) => {
  const other = await createUser("SUBJECT", { withSubject: true });
  const theirs = await insertRequest({ subjectId: other.subjectId!, filedById: other.id });
  const me = await signIn("SUBJECT", { withSubject: true });
  const mine = await insertRequest({ subjectId: me.subjectId!, filedById: me.id });

  await page.goto(`/ja/me/requests/${mine.reference}`);
  await expect(page.getByTestId("reference")).toHaveText(mine.reference);

  const response = await page.goto(`/ja/me/requests/${theirs.reference}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: /ページが見つかりません/ })).toBeVisible();
  await expect(page.getByText(theirs.reference)).toHaveCount(0);
});

test("a subject opening staff and manager pages by URL is refused", async ({ page, signIn }) => {
  const other = await createUser("SUBJECT", { withSubject: true });
  const request = await insertRequest({ subjectId: other.subjectId!, filedById: other.id });
  await signIn("SUBJECT", { withSubject: true });
  for (const url of ["/ja/staff", `/ja/staff/requests/${request.reference}`, "/ja/manager"]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { name: "アクセスできません" })).toBeVisible();
  }
  await expect(page.getByText(request.reference)).toHaveCount(0);
});

test("staff opening the manager page is refused", async ({ page, signIn }) => {
  await signIn("STAFF");
  await page.goto("/ja/manager");
  await expect(page.getByRole("heading", { name: "アクセスできません" })).toBeVisible();
});

test("a subject posting a staff action directly is refused and nothing changes", async ({
  request,
  baseURL,
}) => {
  const subject = await createUser("SUBJECT", { withSubject: true });
  const target = await insertRequest({
    subjectId: subject.subjectId!,
    filedById: subject.id,
    status: "IN_PROGRESS",
  });
  const cookie = await createSession(subject.id);
  const id = actionId("lib/actions/staff/complete-request.ts", "completeRequest");

  const forged = await postAction(request, {
    baseURL: baseURL!,
    path: `/ja/staff/requests/${target.reference}`,
    id,
    cookie,
    args: [{ reference: target.reference, outcome: "FULFILLED", note: "forged" }],
  });
  const body = await forged.text();
  expect(body).toContain("FORBIDDEN");
  expect(await requestStatus(target.reference)).toBe("IN_PROGRESS");

  const anonymous = await postAction(request, {
    baseURL: baseURL!,
    path: `/ja/staff/requests/${target.reference}`,
    id,
    args: [{ reference: target.reference, outcome: "FULFILLED", note: "forged" }],
  });
  expect(await anonymous.text()).toContain("UNAUTHENTICATED");
  expect(await requestStatus(target.reference)).toBe("IN_PROGRESS");
});

test("staff posting the complete action on a request that is not verified is refused by the lifecycle", async ({
  request,
  baseURL,
}) => {
  const subject = await createUser("SUBJECT", { withSubject: true });
  const target = await insertRequest({
    subjectId: subject.subjectId!,
    filedById: subject.id,
    status: "SUBMITTED",
  });
  const staff = await createUser("STAFF");
  const cookie = await createSession(staff.id);
  const response = await postAction(request, {
    baseURL: baseURL!,
    path: `/ja/staff/requests/${target.reference}`,
    id: actionId("lib/actions/staff/complete-request.ts", "completeRequest"),
    cookie,
    args: [{ reference: target.reference, outcome: "FULFILLED", note: "too early" }],
  });
  expect(await response.text()).toContain("ILLEGAL_TRANSITION");
  expect(await requestStatus(target.reference)).toBe("SUBMITTED");
});

test("the dev mailbox does not exist when SMTP is configured", async ({ page }) => {
  const response = await page.goto("/ja/dev/mailbox");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "開発用メールボックス" })).toHaveCount(0);
});
