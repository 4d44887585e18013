import { randomUUID } from "node:crypto";
import path from "node:path";

import type { Page } from "@playwright/test";

import { insertItem, insertRequest, sql } from "./support/db";
import { expect, test } from "./support/fixtures";
import { AD_PROVISION, insertManyProvisions, insertProvision } from "./support/ledger-data";

// Pages that always fit (issue 15): at 375 px no page scrolls sideways, for every audience, and
// Japanese is drawn with the shipped face (Noto Sans JP), not whatever the machine has.

const WIDTH = 375;

/** The page's width beside the screen's, with the elements that stick out when it is wider. */
async function overflow(page: Page, path: string, width: number) {
  await page.goto(path);
  return page.evaluate((width) => {
    const scrollWidth = document.documentElement.scrollWidth;
    const wide = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${String(e.className)} ${(e.textContent ?? "").slice(0, 24)}`,
      );
    // A column squeezed until its words break every character or two (a table that should stack).
    const squeezed = [...document.querySelectorAll("td, th")]
      .filter((cell) => {
        const box = cell.getBoundingClientRect();
        const text = (cell.textContent ?? "").trim();
        return box.width > 0 && box.width < 48 && text.length > 2 && box.height > 60;
      })
      .slice(0, 5)
      .map(
        (cell) => `${cell.tagName.toLowerCase()} ${(cell.textContent ?? "").trim().slice(0, 24)}`,
      );
    // A table that scrolls sideways in its box (above 640 px, where tables do not stack).
    const scrolled = [...document.querySelectorAll(".stack-scroll")]
      .filter((box) => box.scrollWidth > box.clientWidth + 1)
      .map(
        (box) => `${box.scrollWidth}/${box.clientWidth} ${(box.textContent ?? "").slice(0, 24)}`,
      );
    return { path: location.pathname, scrollWidth, wide, squeezed, scrolled };
  }, width);
}

async function expectAllFit(page: Page, paths: string[], width = WIDTH) {
  await page.setViewportSize({ width, height: 800 });
  const results = [];
  for (const path of paths) results.push(await overflow(page, path, width));
  expect(results.filter((r) => r.scrollWidth > width)).toEqual([]);
  // No column squeezed to a character a line: on a phone tables stack; wider, Japanese cells
  // break between phrases.
  expect(results.filter((r) => r.squeezed.length > 0)).toEqual([]);
  // On a tablet and a small laptop every table fits its column, so nothing is reached only by
  // scrolling a table sideways (the box that would scroll is there for data longer than these).
  expect(results.filter((r) => r.scrolled.length > 0)).toEqual([]);
}

test("a person's pages fit a phone", async ({ page, signIn }) => {
  const person = await signIn("SUBJECT", { withSubject: true });
  await insertItem({
    subjectId: person.subjectId!,
    system: "members",
    category: "address",
    field: "address",
    value: "東京都千代田区丸の内一丁目1番1号 サクラリンクビルディング 12階 1203号室",
  });
  await insertProvision(person.subjectId!, AD_PROVISION);
  const { reference } = await insertRequest({
    subjectId: person.subjectId!,
    filedById: person.id,
    status: "AWAITING_IDENTITY",
  });
  // The request's page: where it stands, and the next step (identity documents) first.
  await page.goto(`/ja/me/requests/${reference}`);
  const tracker = page.getByTestId("status-tracker");
  await expect(tracker.locator('[aria-current="step"]')).toContainText("本人確認");
  await expect(tracker.locator('[data-state="done"]')).toContainText("受付");
  const order = await page.evaluate(() => {
    const documents = document.getElementById("identity-title");
    const details = [...document.querySelectorAll("h2")].find(
      (h) => h.textContent === "請求の内容",
    );
    return documents && details
      ? documents.compareDocumentPosition(details) & Node.DOCUMENT_POSITION_FOLLOWING
      : 0;
  });
  expect(order).toBeTruthy();
  const pages = [
    "/ja",
    "/ja/privacy",
    "/ja/me",
    "/ja/me/data",
    "/ja/me/ledger",
    "/ja/me/requests/new",
    "/ja/me/requests/new/disclosure",
    `/ja/me/requests/${reference}`,
    "/ja/account",
    "/en/privacy",
    "/en/me/data",
    "/en/me/ledger",
  ];
  // A phone, then a tablet and a small laptop, where no column may be squeezed either.
  for (const width of [WIDTH, 768, 1024]) await expectAllFit(page, pages, width);
});

test("staff and manager pages fit a phone, a tablet and a small laptop", async ({
  page,
  signIn,
}) => {
  // About thirty pages at three widths, then the queue at two more: a minute alone, more beside
  // other workers.
  test.slow();
  const manager = await signIn("MANAGER", { withSubject: true });
  const { reference } = await insertRequest({
    subjectId: manager.subjectId!,
    filedById: manager.id,
  });
  // Rows in the tables that are empty on a fresh database: a request closed this month (the
  // dashboard's close times) and an API key with every scope.
  // An overdue request: its count sits at the far end of the sidebar's strip on a phone, which
  // must scroll within the strip, not widen the page.
  const late = await insertRequest({ subjectId: manager.subjectId!, filedById: manager.id });
  await sql().query(`UPDATE "Request" SET "dueAt" = now() - interval '2 days' WHERE id = $1`, [
    late.id,
  ]);
  const closed = await insertRequest({ subjectId: manager.subjectId!, filedById: manager.id });
  await sql().query(
    `UPDATE "Request" SET status = 'COMPLETED', outcome = 'FULFILLED', "closedAt" = now() WHERE id = $1`,
    [closed.id],
  );
  const suffix = randomUUID().slice(0, 8);
  await sql().query(
    `INSERT INTO "ApiKey" (id, "systemId", label, prefix, hash, scopes)
     SELECT $1, id, 'layout check key', $2, $3, enum_range(NULL::"ApiScope") FROM "DataSystem" WHERE key = 'points'`,
    [randomUUID(), `dsk_${suffix}`, `hash-${suffix}`],
  );
  // Each system's own settings page: one per connector kind the demo has (the portal, HTTP,
  // manual and, on PostgreSQL, its own databases with their datasets).
  const { rows: systems } = await sql().query<{ id: string }>(
    `SELECT DISTINCT ON (connector) id FROM "DataSystem" ORDER BY connector, key`,
  );
  expect(systems.length).toBeGreaterThanOrEqual(3);
  const pages = [
    ...systems.map((s) => `/ja/manager/settings/systems/${s.id}`),
    "/ja/staff",
    `/ja/staff/requests/${reference}`,
    "/ja/staff/approvals",
    "/ja/manager",
    "/ja/manager/law-enforcement",
    "/ja/manager/settings",
    "/ja/manager/settings/systems",
    "/ja/manager/settings/categories",
    "/ja/manager/settings/purposes",
    "/ja/manager/settings/recipients",
    "/ja/manager/settings/deadlines",
    "/ja/manager/settings/fees",
    "/ja/manager/settings/templates",
    "/ja/manager/settings/staff",
    "/ja/manager/settings/api-keys",
    "/ja/manager/settings/authorities",
    "/ja/manager/settings/statements",
    "/en/staff",
    "/en/manager",
  ];
  await expectAllFit(page, pages);
  // On a tablet and a small laptop (the sidebar beside the work from 1200 px) every table fits its
  // column: a system's field names with their inputs, the approvals, the settings.
  for (const width of [768, 1024]) await expectAllFit(page, pages, width);
  // From 1199 px down the sidebar is a strip above the page, so at 1024 px and on a 768 px tablet
  // the queue's seven columns fit their box, in both languages, and "Claim" is on the screen
  // without scrolling the table, even for a row with the widest values of each column.
  const wide = await insertRequest({
    subjectId: manager.subjectId!,
    filedById: manager.id,
    type: "PROVISION_RECORDS",
    status: "AWAITING_IDENTITY",
  });
  await sql().query(
    `UPDATE "Request" SET "filerRole" = 'LEGAL_REPRESENTATIVE', channel = 'DRP',
       jurisdictions = '{JP,EU,UK,US_CA}', "receivedAt" = now() - interval '30 days',
       "dueAt" = now() + interval '2 days' WHERE id = $1`,
    [wide.id],
  );
  for (const width of [768, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    for (const locale of ["ja", "en"]) {
      await page.goto(`/${locale}/staff`);
      const box = page.locator(".stack-scroll").first();
      const fits = await box.evaluate((box) => box.scrollWidth <= box.clientWidth);
      expect(fits, `${locale} queue at ${width} px`).toBe(true);
      const claim = page.locator("button[data-claim]").first();
      const { x, width: claimWidth } = (await claim.boundingBox())!;
      expect(x + claimWidth).toBeLessThan(width);
    }
  }
  // The strip ends with the person's own requests, in view at 1024 px.
  await page.goto("/en/staff");
  const mine = page.getByRole("navigation", { name: "Workspace" }).getByRole("link", {
    name: /assigned to you/,
  });
  await expect(mine).toBeInViewport({ ratio: 1 });
  // On a tablet the strip scrolls; the current page's link is brought into its view.
  await page.setViewportSize({ width: 768, height: 800 });
  await page.goto("/ja/manager/settings/systems");
  const current = page.locator('nav.sidebar a[aria-current="page"]');
  await expect(current).toHaveText("設定");
  await expect(current).toBeInViewport({ ratio: 1 });
});

test("a long list on a phone draws only the cards near the screen, and each card whole", async ({
  page,
  signIn,
}) => {
  const person = await signIn("SUBJECT", { withSubject: true });
  await insertManyProvisions(person.subjectId!, 30, "2026-06-30T10:00:00");
  await page.setViewportSize({ width: WIDTH, height: 800 });
  await page.goto("/ja/me/ledger");
  const cards = page.locator("table.stack tbody tr");
  await expect(cards).toHaveCount(30);
  // Drawn: the first card; waiting to be drawn (content-visibility: auto): one far below.
  const drawn = (i: number) =>
    cards
      .nth(i)
      .evaluate((row) =>
        (row as HTMLTableRowElement).cells[0]!.checkVisibility({ contentVisibilityAuto: true }),
      );
  expect(await drawn(0)).toBe(true);
  expect(await drawn(29)).toBe(false);
  // Its text is there all the same, for find-in-page and assistive technology.
  await expect(cards.nth(29)).toContainText("2026年6月1日");
  await cards.nth(29).scrollIntoViewIfNeeded();
  await expect.poll(() => drawn(29)).toBe(true);

  // The timeline's dot hangs outside its card; the card's clip must leave it drawn.
  const box = (await cards.nth(29).boundingBox())!;
  const dot = { x: box.x - 26, y: box.y + 8, width: 22, height: 22 };
  const withDot = await page.screenshot({ clip: dot });
  await page.addStyleTag({ content: "table.stack tbody tr::before { visibility: hidden; }" });
  expect(withDot.equals(await page.screenshot({ clip: dot }))).toBe(false);
});

test("each link of the privacy page's contents lands its heading under the header, on a phone, a tablet and a desktop", async ({
  page,
}) => {
  for (const width of [WIDTH, 768, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/ja/privacy");
    // The sticky header leaves the 5rem an in-page link keeps above its target.
    const header = await page.locator("header.site").boundingBox();
    expect(header!.height).toBeLessThanOrEqual(80);
    // The shipped face arrives after hydration and changes the text's height; wait for it.
    await page.waitForFunction(() =>
      [...document.fonts].some((f) => f.family.includes("Noto Sans JP")),
    );
    await page.evaluate(() => document.fonts.ready);

    // Each link of the table of contents: its heading just under the sticky header (5rem), or,
    // for the sections at the very end, as far as the page scrolls.
    const links = page.locator("nav:has(#toc-title) a");
    const landed: string[] = [];
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await links.and(page.locator(`[href="${href}"]`)).click();
      await expect(page).toHaveURL(new RegExp(`${href}$`));
      const { top, atEnd } = await page.locator(href).evaluate((h) => ({
        top: Math.round(h.getBoundingClientRect().top),
        atEnd:
          Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight,
      }));
      if (top !== 80 && !(atEnd && top > 80))
        landed.push(`${href} at ${top} px (${width} px wide)`);
    }
    expect(landed).toEqual([]);
    // Arriving with a section in the address, too (a new load, not a jump within the page).
    await page.goto("about:blank");
    await page.goto("/ja/privacy#rights");
    await page.evaluate(() => document.fonts.ready);
    await expect
      .poll(() =>
        page.locator("#rights").evaluate((h) => Math.round(h.getBoundingClientRect().top)),
      )
      .toBe(80);
  }
});

/** The faces Chromium drew an element's text with (DevTools' "Rendered fonts"). */
async function facesOf(page: Page, selector: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument");
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
  await cdp.detach();
  return fonts.map((f) => `${f.familyName}${f.isCustomFont ? " (shipped)" : ""}`);
}

/** Opens the Japanese privacy page and says which faces drew its heading and which fonts came. */
async function japaneseFaces(page: Page) {
  const fonts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "font") fonts.push(new URL(r.url()).pathname);
  });
  await page.goto("/ja/privacy");
  // The shipped face's rules arrive after hydration; then the browser loads what the text needs.
  await page.waitForFunction(() =>
    [...document.fonts].some((f) => f.family.includes("Noto Sans JP")),
  );
  await page.evaluate(() => document.fonts.ready);
  return { faces: () => facesOf(page, "h1").then((f) => f.join(", ")), fonts };
}

test("Japanese is drawn with the system's Japanese face, else the shipped one; public pages say what they are; the icon and robots.txt are served", async ({
  page,
  request,
  browser,
}) => {
  // A machine with a Japanese face (every phone; here Debian's fonts-noto-cjk, which .ci/run
  // installs): the heading is drawn with it and no Japanese font is downloaded.
  const withFace = await japaneseFaces(page);
  expect(await withFace.faces()).toMatch(/Noto Sans CJK JP/);
  expect(await withFace.faces()).not.toMatch(/shipped/);
  expect(withFace.fonts.filter((f) => /noto-sans-jp/.test(f))).toEqual([]);
  const heading = page.getByRole("heading", { level: 1 });
  expect(await heading.evaluate((h) => getComputedStyle(h).fontFamily)).toMatch(
    /^"Inter Variable", "Inter Fallback", "Hiragino Sans"/,
  );

  // The shipped face's 124 rules are not in the stylesheets that hold back the first paint: they
  // load once the page has hydrated (components/fonts/japanese-face.tsx).
  const html = await (await request.get("/ja/privacy")).text();
  const blocking = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
  expect(blocking.length).toBeGreaterThan(0);
  for (const href of blocking)
    expect(await (await request.get(href)).text()).not.toMatch(
      /@font-face\{font-family:"?Noto Sans JP/,
    );

  // A machine without one: the shipped Noto Sans JP, only the slices the page's text needs.
  const bare = await browser.browserType().launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    env: {
      ...process.env,
      FONTCONFIG_FILE: path.join(import.meta.dirname, "support", "no-cjk-fonts.conf"),
    },
  });
  try {
    const context = await bare.newContext({ baseURL: test.info().project.use.baseURL });
    const withoutFace = await japaneseFaces(await context.newPage());
    await expect.poll(withoutFace.faces).toMatch(/Noto Sans JP.*\(shipped\)/);
    expect(await withoutFace.faces()).not.toMatch(/CJK/);
    const slices = withoutFace.fonts.filter((f) => /noto-sans-jp/.test(f));
    expect(slices.length).toBeGreaterThan(0);
    expect(slices.length).toBeLessThan(124);
  } finally {
    await bare.close();
  }

  // What a search engine reads of a public page: a description, the canonical address and the
  // page in the other language.
  await expect(page.locator('meta[name="description"]')).toHaveAttribute(
    "content",
    /透明性レポート/,
  );
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/ja\/privacy$/);
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
    "href",
    /\/en\/privacy$/,
  );
  await page.goto("/en/sign-in");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /passkey/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/en\/sign-in$/);
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/icon/);
  const robots = await request.get("/robots.txt");
  expect(await robots.text()).toContain("Disallow: /ja/staff");
  const logo = await request.get("/brand/logo.svg");
  expect(logo.headers()["content-type"]).toContain("image/svg+xml");
});

test("the header folds its links behind a menu on a phone and a tablet, and stays one bar wider", async ({
  page,
  signIn,
}) => {
  await signIn("STAFF");
  for (const width of [WIDTH, 768, 1024, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const locale of ["ja", "en"] as const) {
      await page.goto(`/${locale}/staff`);
      const menu = page.getByRole("button", { name: locale === "ja" ? "メニュー" : "Menu" });
      const privacy = page
        .locator("header.site")
        .getByRole("link", { name: locale === "ja" ? "個人情報の取り扱い" : "How we handle data" });
      // Never taller than the room an in-page link leaves above its target.
      expect((await page.locator("header.site").boundingBox())!.height).toBeLessThanOrEqual(80);
      if (width > 900) {
        await expect(menu).toBeHidden();
        await expect(privacy).toBeVisible();
        continue;
      }
      await expect(privacy).toBeHidden();
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await menu.click();
      await expect(menu).toHaveAttribute("aria-expanded", "true");
      await expect(privacy).toBeVisible();
      await privacy.click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/privacy$`));
      // A new page closes it again.
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(privacy).toBeHidden();
    }
  }
});
