import type { ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";

import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";

import { actionId } from "./support/actions";
import { startBuiltServer } from "./support/built-server";
import { E2E } from "./support/config";
import { expect, test } from "./support/fixtures";
import { signInByEmail } from "./support/mail";

// The site's own error pages (unknown pages, errors in a page or in the layout) and the refusals of
// malformed server-action requests, which Next.js would otherwise answer with 500.

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

const TEXT = {
  ja: {
    notFound: "ページが見つかりません",
    home: "ホームへ戻る",
    back: "前のページへ戻る",
    myPage: "マイページへ",
    error: "ページを表示できませんでした",
    retry: "もう一度試す",
    errorId: "エラーID:",
  },
  en: {
    notFound: "Page not found",
    home: "Back to home",
    back: "Back to the previous page",
    myPage: "Go to My page",
    error: "This page could not be shown",
    retry: "Try again",
    errorId: "Error ID:",
  },
} as const;

// What must never reach the screen: the cause of an error, its stack, the database's words.
const DETAILS = /ECONNREFUSED|prisma|node_modules|\bat \S+ \(|Error:/i;

test.describe("unknown pages", () => {
  for (const locale of ["ja", "en"] as const) {
    test(`show the site's own not-found page in ${locale}`, async ({ page }) => {
      const response = await page.goto(`/${locale}/nope`);
      expect(response?.status()).toBe(404);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.locator("header.site")).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(TEXT[locale].notFound);
      await expect(page.getByRole("button", { name: TEXT[locale].back })).toHaveCount(0);
      await expectNoViolations(page);
      await page.getByRole("main").getByRole("link", { name: TEXT[locale].home }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}$`));
      await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(TEXT[locale].notFound);
    });
  }

  test("deeper unknown paths and paths without a locale end on the Japanese page", async ({
    page,
  }) => {
    for (const [url, final] of [
      ["/ja/me/requests/R-0/nope", "/ja/me/requests/R-0/nope"],
      ["/nope", "/ja/nope"],
    ]) {
      const response = await page.goto(url!);
      expect(response?.status(), url).toBe(404);
      expect(new URL(page.url()).pathname).toBe(final);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(TEXT.ja.notFound);
    }
  });

  test("a path whose percent-encoding does not decode is refused with 400, not 500", async ({
    request,
  }) => {
    for (const path of [
      "/ja/%ZZ",
      "/en/me/requests/%E0%A4%A",
      "/%ZZ",
      "/api/v1/subjects/%ZZ/items",
    ])
      expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(400);
  });

  test("offer the way back to the page one came from, and to my page", async ({ page, signIn }) => {
    await signIn("SUBJECT", { withSubject: true });
    await page.goto("/en/privacy");
    // A link followed from one of our pages (goto would send no referrer).
    await page.evaluate(() => window.location.assign("/en/privacy/nope"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TEXT.en.notFound);
    await expect(
      page.getByRole("main").getByRole("link", { name: TEXT.en.myPage }),
    ).toHaveAttribute("href", "/en/me");
    await page.getByRole("button", { name: TEXT.en.back }).click();
    await expect(page).toHaveURL(/\/en\/privacy$/);
  });
});

// A second server from the same build whose database cannot be reached: every page that reads it
// fails for real, with nothing in the app that throws on purpose.
test.describe("errors", () => {
  const port = E2E.pg.port + 5;
  const baseURL = `http://localhost:${port}`;
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    server = startBuiltServer({
      port,
      env: {
        ...process.env,
        DATA_DIR: path.join(E2E.state, "data-unreachable"),
        // Nothing listens on port 9 (discard): connections are refused at once.
        DATABASE_URL: "postgresql://postgres@127.0.0.1:9/unreachable",
        WORKER_MODE: "off",
        // A demo (chosen): the dev mailbox reads the database, which fails.
        DEMO_MODE: "1",
        AUTH_SECRET: E2E.authSecret,
        MASTER_KEY: E2E.masterKey,
        AUTH_URL: baseURL,
      },
    });
    await expect
      .poll(async () => (await fetch(`${baseURL}/ja`).catch(() => null))?.status, {
        timeout: 60_000,
      })
      .toBe(200);
  });

  test.afterAll(() => {
    server?.kill("SIGTERM");
  });

  test("the process is alive but not ready, and says which dependency is away", async () => {
    const health = await fetch(`${baseURL}/api/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${baseURL}/api/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    // The queue lives in the same database: both are named; the stored files are fine.
    expect(await ready.json()).toEqual({
      status: "not-ready",
      checks: { database: "failed", storage: "ok", jobs: "failed" },
      failed: ["database", "jobs"],
    });
  });

  for (const locale of ["ja", "en"] as const) {
    test(`in a page show the site's error page in ${locale}, with a reference and no details`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      // The demo mailbox reads the database (this server runs in demo mode: no SMTP).
      const response = await page.goto(`/${locale}/dev/mailbox`);
      expect(response?.status()).toBe(500);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.locator("header.site")).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(TEXT[locale].error);
      await expect(page.getByText(TEXT[locale].errorId)).toHaveText(
        new RegExp(`^${TEXT[locale].errorId} \\S+$`),
      );
      expect(await page.locator("body").innerText()).not.toMatch(DETAILS);
      await expectNoViolations(page);
      // Trying again fails again (the database is still away) and says so the same way.
      await page.getByRole("button", { name: TEXT[locale].retry }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(TEXT[locale].error);
      await page.getByRole("main").getByRole("link", { name: TEXT[locale].home }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}$`));
      await context.close();
    });
  }

  test("in the layout fall back to the bilingual page", async ({ browser }) => {
    const context = await browser.newContext({ baseURL });
    // With a session cookie the header looks the session up in the database.
    await context.addCookies([{ name: "authjs.session-token", value: "x", url: baseURL }]);
    const page = await context.newPage();
    const response = await page.goto("/en/privacy");
    expect(response?.status()).toBe(500);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TEXT.ja.error);
    await expect(page.getByRole("heading", { level: 2 })).toHaveText(TEXT.en.error);
    await expect(page.getByRole("link", { name: TEXT.ja.home })).toHaveAttribute("href", "/ja");
    await expect(page.getByRole("link", { name: TEXT.en.home })).toHaveAttribute("href", "/en");
    await expect(page.getByRole("button", { name: TEXT.en.retry })).toBeVisible();
    expect(await page.locator("body").innerText()).not.toMatch(DETAILS);
    await expectNoViolations(page);
    await context.close();
  });
});

test.describe("server-action requests", () => {
  const signInLink = () =>
    actionId("lib/actions/auth/request-sign-in-link.ts", "requestSignInLink");
  const args = JSON.stringify([{ email: "someone@e2e.example.jp", locale: "ja" }]);

  function post(
    request: APIRequestContext,
    baseURL: string,
    headers: Record<string, string>,
    data: string | Buffer = args,
  ) {
    return request.post(`${baseURL}/ja/sign-in`, {
      headers: {
        "Next-Action": signInLink(),
        "Content-Type": "text/plain;charset=UTF-8",
        Origin: baseURL,
        ...headers,
      },
      data,
      maxRedirects: 0,
    });
  }

  test("from another origin are refused with 403", async ({ request, baseURL }) => {
    for (const origin of ["https://evil.example", "null", `${baseURL}:1`]) {
      const response = await post(request, baseURL!, { Origin: origin });
      expect(response.status(), origin).toBe(403);
    }
    // Forms posted without JavaScript, and the empty action header, answer the same.
    const form = await request.post(`${baseURL}/ja/sign-in`, {
      headers: { Origin: "https://evil.example" },
      multipart: { x: "1" },
    });
    expect(form.status()).toBe(403);
    const empty = await post(request, baseURL!, {
      "Next-Action": "",
      Origin: "https://evil.example",
    });
    expect(empty.status()).toBe(403);
  });

  test("past the size limit are refused with 413, and without a length with 411", async ({
    request,
    baseURL,
  }) => {
    const big = Buffer.alloc(13 * 1024 * 1024, "a");
    expect((await post(request, baseURL!, {}, big)).status()).toBe(413);

    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL("/ja/sign-in", baseURL);
      const chunked = http.request(
        url,
        {
          method: "POST",
          headers: {
            "Next-Action": signInLink(),
            "Content-Type": "text/plain;charset=UTF-8",
            Origin: baseURL,
            "Transfer-Encoding": "chunked",
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      chunked.on("error", reject);
      chunked.end(args);
    });
    expect(status).toBe(411);
  });

  test("with a body the decoder cannot read are refused with 400", async ({ request, baseURL }) => {
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    for (const body of ["{{{", '{"email":"a@b.jp"}', '["$1"]', '["$Q1"]', '"x"', "", deep]) {
      const response = await post(request, baseURL!, {}, body);
      expect(response.status(), body.slice(0, 60)).toBe(400);
    }
    const boundary = "----e2e";
    const multipart = (parts: string) =>
      post(
        request,
        baseURL!,
        { "Content-Type": `multipart/form-data; boundary=${boundary}` },
        parts,
      );
    const part = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    for (const body of [
      "garbage--e2e",
      part("0", '["$K1"]'), // no closing boundary
      `${part("0", '["$Q1"]')}${part("1", "[[1,2]]")}--${boundary}--\r\n`, // a forward reference
      `--${boundary}\r\nContent-Disposition: form-data; name="0"\r\nX-Pad: ${"a".repeat(20_000)}\r\n\r\n[]\r\n--${boundary}--\r\n`,
    ])
      expect((await multipart(body)).status(), body.slice(0, 60)).toBe(400);
  });

  test("never answer 500, whatever the arguments", async ({ request, baseURL }) => {
    const cases: [Record<string, string>, string][] = [
      [{}, "[42]"],
      [{}, "[null, [], {}]"],
      [{}, JSON.stringify([{ email: ["x"], locale: { a: 1 } }])],
      [{}, JSON.stringify([{ email: "a".repeat(5_000_000), locale: "ja" }])],
      [{}, JSON.stringify(["$$x", "$undefined", "$D2026-13-45", "$n99"])],
      [{ "Next-Action": "7f".padEnd(42, "0") }, "[]"], // no such action
      [{ "Next-Action": "zzz" }, "[]"],
      [{ "Content-Type": "application/json" }, "[]"],
      [{ "Content-Type": "application/x-www-form-urlencoded" }, "a=1"],
    ];
    for (const [headers, body] of cases) {
      const response = await post(request, baseURL!, headers, body);
      expect(response.status(), `${JSON.stringify(headers)} ${body.slice(0, 60)}`).toBeLessThan(
        500,
      );
    }
    // Forms without JavaScript: an action that does not exist, a bound action's broken descriptor.
    const forms = [
      { [`$ACTION_ID_${"7f".padEnd(42, "0")}`]: "" },
      { $ACTION_REF_1: "", "$ACTION_1:0": `{"id":"${signInLink()}",` },
    ];
    for (const multipart of forms) {
      const response = await request.post(`${baseURL}/ja/sign-in`, {
        headers: { Origin: baseURL! },
        multipart,
      });
      expect(response.status(), JSON.stringify(multipart)).toBeLessThan(500);
    }
  });

  test("still work from the browser after the proxy has read them", async ({ page }, testInfo) => {
    // The sign-in form's action, through the mail and the link, to my page.
    const email = `errors.${Date.now()}@e2e.example.jp`;
    await signInByEmail(page, testInfo, email);
    await expect(page).toHaveURL(/\/ja\/me$/);
  });
});
