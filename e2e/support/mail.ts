import { registerAtPasskeyStep } from "./passkeys";
import { readFileSync } from "node:fs";

import { expect, type Page, type TestInfo } from "@playwright/test";

import { rateKey } from "../../lib/rate-limit";
import { E2E } from "./config";
import { journeyDb } from "./journey";

interface SinkMail {
  to: string[];
  raw: string;
  at: string;
}

/** Decodes a quoted-printable body well enough to read links and Japanese text. */
function decodeQuotedPrintable(raw: string): string {
  const softBreaks = raw.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < softBreaks.length; i++) {
    const hex = softBreaks.slice(i + 1, i + 3);
    if (softBreaks[i] === "=" && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(softBreaks[i] ?? ""));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/**
 * The decoded text of a message: a single part's body, or the text/plain part of a multipart one
 * (the portal sends text and HTML as multipart/alternative); base64 or quoted-printable.
 */
export function decodeBody(raw: string): string {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers)?.[1];
  if (/content-type:\s*multipart\//i.test(headers) && boundary) {
    const parts = body.split(`--${boundary}`).slice(1, -1);
    const text = parts
      .map((part) => part.replace(/^\r\n/, ""))
      .find((part) => /content-type:\s*text\/plain/i.test(part.slice(0, part.indexOf("\r\n\r\n"))));
    return text ? decodeBody(text) : "";
  }
  if (/content-transfer-encoding:\s*base64/i.test(headers))
    return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers))
    return decodeQuotedPrintable(body);
  return body;
}

function sinkMails(to: string, since: Date): SinkMail[] {
  const lines = readFileSync(E2E.smtp.inbox, "utf8").split("\n").filter(Boolean);
  return lines
    .map((l) => JSON.parse(l) as SinkMail)
    .filter((m) => m.to.includes(to.toLowerCase()) && new Date(m.at) >= since);
}

/** The text of the newest mail to `to` since `since` whose text matches `pattern`. */
export async function waitForMail(options: {
  page: Page;
  testInfo: TestInfo;
  to: string;
  since: Date;
  pattern: RegExp;
}): Promise<string> {
  const { page, testInfo, to, since, pattern } = options;
  let found = "";
  if (testInfo.project.metadata.mail === "smtp") {
    await expect
      .poll(
        () => {
          const texts = sinkMails(to, since).map((m) => decodeBody(m.raw));
          found = texts.reverse().find((t) => pattern.test(t)) ?? "";
          return found;
        },
        { timeout: 20_000 },
      )
      .not.toBe("");
    return found;
  }
  // Embedded demo: read the dev mailbox page like a newcomer would.
  const mailbox = await page.context().newPage();
  await expect
    .poll(
      async () => {
        await mailbox.goto("/ja/dev/mailbox");
        // Newest first; only mails sent since `since` (another test may mail the same person).
        const mails = await mailbox.locator("article").evaluateAll((articles) =>
          articles.map((a) => ({
            to: a.querySelector("[data-testid=mail-to]")?.textContent ?? "",
            at: a.querySelector("time")?.getAttribute("datetime") ?? "",
            text: (a.querySelector("pre") as HTMLElement | null)?.innerText ?? "",
          })),
        );
        found =
          mails.find((m) => m.to === to && new Date(m.at) >= since && pattern.test(m.text))?.text ??
          "";
        return found;
      },
      { timeout: 20_000 },
    )
    .not.toBe("");
  await mailbox.close();
  return found;
}

/**
 * Forgets the sign-in-mail limit of one address (5 per 15 minutes). The journeys ask for links for
 * the same demo people many times in one window, retries included, on the same server; the limit
 * itself is tested in security.spec.ts and lib/rate-limit.
 */
export async function forgetSignInLimit(testInfo: TestInfo, email: string) {
  const db = await journeyDb(testInfo);
  await db.query(`DELETE FROM "RateLimit" WHERE key = $1`, [
    rateKey("signin-mail", email.trim().toLowerCase()),
  ]);
}

/** Signs in through the real magic-link flow: the form, the mail, the link. */
export async function signInByEmail(
  page: Page,
  testInfo: TestInfo,
  email: string,
  locale: "ja" | "en" = "ja",
) {
  const since = new Date(Date.now() - 1000);
  await forgetSignInLimit(testInfo, email);
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(locale === "ja" ? "メールアドレス" : "Email address").fill(email);
  await page
    .getByRole("button", { name: locale === "ja" ? "ログインリンクを送る" : "Send sign-in link" })
    .click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in/check-email`));
  const text = await waitForMail({
    page,
    testInfo,
    to: email,
    since,
    pattern: /\/api\/auth\/callback\/nodemailer/,
  });
  const link = /https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/.exec(text)?.[0];
  expect(link, "sign-in link in the mail").toBeTruthy();
  await page.goto(link!);
  // Staff, managers and admins go on to their passkey (registered here, on this browser).
  if (/\/sign-in\/passkey$/.test(page.url())) await registerAtPasskeyStep(page, testInfo, email);
}
