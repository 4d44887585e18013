import path from "node:path";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { insertRequest, uniqueEmail } from "./support/db";
import { expect, test } from "./support/fixtures";
import { waitForMail } from "./support/mail";

// Issue 15: the staff workspace (a sidebar with what waits, the queue worked from the keyboard,
// the request page as facts beside the work) and the white-label brand a manager sets (name,
// colour, logo, desk), which the header, footer and mails then carry.

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

// The brand test changes what every page's header shows: the visual snapshots below must not run
// beside it, so this file's tests run one after another.
test.describe.configure({ mode: "serial" });

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082",
  "hex",
);

test("staff work the queue from the keyboard; the sidebar says what waits", async ({
  page,
  signIn,
}) => {
  const staff = await signIn("STAFF", { withSubject: true });
  const own = [];
  for (let i = 0; i < 2; i++)
    own.push(await insertRequest({ subjectId: staff.subjectId!, filedById: staff.id }));
  await page.setViewportSize({ width: 1280, height: 900 });
  // Newest first, so this test's own requests are on the first page whatever else is open.
  await page.goto("/ja/staff?sort=received-desc");

  const sidebar = page.getByRole("navigation", { name: "業務メニュー" });
  const queueLink = sidebar.getByRole("link", { name: /対応キュー/ });
  await expect(queueLink).toHaveAttribute("aria-current", "page");
  const open = Number(await page.getByTestId("count-queue").locator("[aria-hidden]").innerText());
  expect(open).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId("count-queue")).toContainText(`未完了 ${open}件`);
  // A staff member sees the work of staff, not the manager's pages.
  await expect(sidebar.getByRole("link", { name: "承認待ち" })).toHaveCount(0);
  await expect(sidebar.getByRole("link", { name: "設定" })).toHaveCount(0);

  // j and k move between requests (focus on the reference), c claims, ? lists the keys.
  const focusedRow = () =>
    page.evaluate(() => document.activeElement?.closest("tr")?.getAttribute("data-row") ?? null);
  await page.locator("body").press("j");
  const first = await focusedRow();
  await page.keyboard.press("j");
  const second = await focusedRow();
  expect(first).not.toBeNull();
  expect(second).not.toBe(first);
  await page.keyboard.press("k");
  expect(await focusedRow()).toBe(first);
  // Move to a request of this test's own (no other test claims it), and claim it with c.
  const target = own[0]!.reference;
  await page.getByTestId(`queue-row-${target}`).getByRole("link").focus();
  await page.keyboard.press("c");
  await expect(page.getByTestId(`queue-row-${target}`)).toContainText("自分");
  await expect(page.getByTestId("count-queue")).toBeVisible();

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "キーボード操作" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("次の請求・前の請求へ移動");
  await expectNoViolations(page);
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // Enter opens the focused request: its facts in a column beside the work.
  await page.getByTestId(`queue-row-${target}`).getByRole("link").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/ja/staff/requests/${target}$`));
  const context = page.getByRole("complementary", { name: "請求の概要" });
  await expect(context).toBeVisible();
  const [aside, work] = await Promise.all([
    context.boundingBox(),
    page.locator(".request-work").boundingBox(),
  ]);
  expect(aside!.x + aside!.width).toBeLessThanOrEqual(work!.x);
  expect(work!.width).toBeGreaterThan(aside!.width);
  await expectNoViolations(page);

  // On a phone the same page is one column, facts first, and nothing scrolls sideways.
  await page.setViewportSize({ width: 375, height: 800 });
  const narrow = await Promise.all([
    context.boundingBox(),
    page.locator(".request-work").boundingBox(),
  ]);
  expect(narrow[0]!.y).toBeLessThan(narrow[1]!.y);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test("a manager brands the portal: the header, footer and mails carry the name, colour and desk", async ({
  page,
  signIn,
}, testInfo) => {
  await signIn("MANAGER");
  await page.goto("/ja/manager/settings");
  await page.getByRole("link", { name: "組織の名称・窓口・ロゴ・ブランドカラー" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "組織とブランド" })).toBeVisible();
  await expectNoViolations(page);
  const form = page
    .locator("form")
    .filter({ has: page.getByRole("heading", { name: "組織と窓口" }) });
  const original = {
    portal: await page.getByLabel("ポータルの名称（日本語）").inputValue(),
    department: await page.getByLabel("担当部署（日本語）").inputValue(),
    colour: await page.locator("#brand-brandColor").inputValue(),
  };

  try {
    // A colour too light to read on white is refused beside the field, nothing saved.
    await page.getByLabel("ポータルの名称（日本語）").fill("試験ブランド センター");
    await page.getByLabel("担当部署（日本語）").fill("お客様相談室");
    const colour = page.locator("#brand-brandColor");
    await colour.fill("#f0b400");
    await form.getByRole("button", { name: "保存する" }).click();
    await expect(colour).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByRole("alert").first()).toContainText("コントラストが足りません");
    await colour.fill("#7A1F5C");
    await form.getByRole("button", { name: "保存する" }).click();
    await expect(page.getByTestId("toast")).toContainText("保存しました。");

    // The header and footer carry the name and desk; buttons take the colour.
    await page.goto("/ja/privacy");
    await expect(page.locator("header.site .brand")).toHaveText("試験ブランド センター");
    await expect(page.locator("footer.site")).toContainText("お客様相談室");
    await expect(page).toHaveTitle(/試験ブランド センター/);
    await page.goto("/ja/manager/settings/brand");
    const save = form.getByRole("button", { name: "保存する" });
    await expect(save).toHaveCSS("background-color", "rgb(122, 31, 92)");

    // The logo: an SVG named .png is judged by its bytes and refused; a PNG is taken.
    const file = page.getByLabel("ロゴの画像");
    await file.setInputFiles({
      name: "logo.png",
      mimeType: "image/png",
      buffer: Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      ),
    });
    await page.getByRole("button", { name: "ロゴを登録する" }).click();
    await expect(page.locator("#brand-logo-file-error")).toContainText("ファイルの中身で判定");
    await file.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: PNG });
    await page.getByRole("button", { name: "ロゴを登録する" }).click();
    await expect(page.getByText("ロゴを更新しました。")).toBeVisible();
    // The page refreshes after the save: the header then links the uploaded logo.
    const headerLogo = page.locator("header.site .brand img");
    await expect(headerLogo).toHaveAttribute("src", /^\/brand\/logo\?v=\d+$/);
    const src = await headerLogo.getAttribute("src");
    const logo = await page.request.get(src!);
    expect(logo.headers()["content-type"]).toBe("image/png");
    expect(Buffer.from(await logo.body()).equals(PNG)).toBe(true);

    // A mail sent now is signed with the new name and desk, in its text part.
    const email = uniqueEmail("brand-mail");
    const since = new Date(Date.now() - 1000);
    const visitor = await page.context().browser()!.newPage();
    await visitor.goto(new URL("/ja/sign-in", page.url()).toString());
    await visitor.getByLabel("メールアドレス").fill(email);
    await visitor.getByRole("button", { name: "ログインリンクを送る" }).click();
    await expect(visitor).toHaveURL(/\/ja\/sign-in\/check-email/);
    const text = await waitForMail({
      page: visitor,
      testInfo,
      to: email,
      since,
      pattern: /ログインする/,
    });
    expect(text).toContain("試験ブランド センター");
    expect(text).toContain("このメールは試験ブランド センターから送信しています。");
    await visitor.close();
  } finally {
    // Put the brand back as it was, through the same form (which also empties the page cache).
    await page.goto("/ja/manager/settings/brand");
    await page.getByLabel("ポータルの名称（日本語）").fill(original.portal);
    await page.getByLabel("担当部署（日本語）").fill(original.department);
    await page.locator("#brand-brandColor").fill(original.colour);
    await form.getByRole("button", { name: "保存する" }).click();
    await expect(page.getByTestId("toast")).toContainText("保存しました。");
    const remove = page.getByRole("button", { name: "既定のロゴに戻す" });
    if (await remove.isVisible()) {
      await remove.click();
      await expect(page.getByText("既定のロゴを使っています。")).toBeVisible();
    }
  }
});

// Visual snapshots of the key pages, in both languages, on a desktop and a phone, reviewed into
// the repository (e2e/workspace-brand.spec.ts-snapshots). Regions whose content other tests change
// (the queue's rows) are masked, the sidebar's counts hidden; the rest must match within 1% of pixels.
const SNAPSHOTS: { name: string; path: string; role?: "SUBJECT" | "MANAGER"; full: boolean }[] = [
  { name: "landing", path: "", full: true },
  { name: "sign-in", path: "/sign-in", full: true },
  { name: "privacy", path: "/privacy", full: false },
  { name: "my-page", path: "/me", role: "SUBJECT", full: true },
  { name: "request-types", path: "/me/requests/new", role: "SUBJECT", full: true },
  { name: "queue", path: "/staff", role: "MANAGER", full: false },
  { name: "brand-settings", path: "/manager/settings/brand", role: "MANAGER", full: true },
];
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, mobile: { width: 375, height: 800 } };

for (const shot of SNAPSHOTS)
  for (const locale of ["ja", "en"] as const)
    test(`looks as reviewed: ${shot.name} (${locale})`, async ({ page, signIn }) => {
      if (shot.role) await signIn(shot.role, { withSubject: shot.role === "SUBJECT" });
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(viewport);
        await page.goto(`/${locale}${shot.path}`);
        await page.evaluate(() => document.fonts.ready);
        await expect(page).toHaveScreenshot(`${shot.name}-${locale}-${size}.png`, {
          fullPage: shot.full,
          animations: "disabled",
          caret: "hide",
          // The sidebar's counts are hidden (they depend on other tests), the queue's rows masked.
          stylePath: path.join(import.meta.dirname, "support", "snapshot.css"),
          mask: [page.locator('section[aria-labelledby="queue-results-title"]')],
          maxDiffPixelRatio: 0.01,
        });
      }
    });
