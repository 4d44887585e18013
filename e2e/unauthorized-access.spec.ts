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

// Every workspace page whose role check refuses a subject (the dynamic ones take any id: the
// check comes before the lookup).
const WORKSPACE_PAGES = [
  "/ja/staff",
  "/ja/staff/approvals",
  "/ja/staff/requests/new",
  "/ja/manager",
  "/ja/manager/law-enforcement",
  ...[
    "",
    "/fees",
    "/authorities",
    "/brand",
    "/systems",
    "/systems/x",
    "/drp-agents",
    "/categories",
    "/categories/x",
    "/templates",
    "/staff",
    "/api-keys",
    "/purposes",
    "/purposes/x",
    "/recipients",
    "/recipients/x",
    "/statements",
    "/deadlines",
  ].map((path) => `/ja/manager/settings${path}`),
];

test("a subject opening staff and manager pages by URL is refused with 403", async ({
  page,
  signIn,
}) => {
  test.setTimeout(180_000);
  const other = await createUser("SUBJECT", { withSubject: true });
  const request = await insertRequest({ subjectId: other.subjectId!, filedById: other.id });
  await signIn("SUBJECT", { withSubject: true });
  for (const url of [...WORKSPACE_PAGES, `/ja/staff/requests/${request.reference}`]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(403);
    await expect(page.getByRole("heading", { name: "アクセスできません" })).toBeVisible();
  }
  await expect(page.getByText(request.reference)).toHaveCount(0);
  // The refusal sits in the site's layout, in the page's language, with the way home.
  const response = await page.goto("/en/manager");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
  await page.getByRole("link", { name: "Back to home" }).click();
  await expect(page).toHaveURL(/\/en$/);
});

test("staff opening the manager page, and a manager the request form, are refused with 403", async ({
  page,
  signIn,
  signInElsewhere,
}) => {
  await signIn("STAFF");
  const response = await page.goto("/ja/manager");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "アクセスできません" })).toBeVisible();
  const manager = await signInElsewhere("MANAGER");
  for (const url of ["/ja/me/requests/new", "/ja/me/requests/new/disclosure"]) {
    const refused = await manager.page.goto(url);
    expect(refused?.status(), url).toBe(403);
  }
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
