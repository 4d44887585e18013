import { expect, type CDPSession, type Page, type TestInfo } from "@playwright/test";

import { journeyDb } from "./journey";

// Passkeys in the browser tests: Chromium's own WebAuthn virtual authenticator over CDP (a
// platform authenticator with user verification that always says yes), one per page.

const authenticators = new WeakMap<Page, { cdp: CDPSession; authenticatorId: string }>();

/** Gives the page a virtual authenticator (once) and returns it. */
export async function virtualAuthenticator(page: Page) {
  const existing = authenticators.get(page);
  if (existing) return existing;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  const made = { cdp, authenticatorId };
  authenticators.set(page, made);
  return made;
}

/** The credentials the page's authenticator holds. */
export async function storedCredentials(page: Page) {
  const { cdp, authenticatorId } = await virtualAuthenticator(page);
  return (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
}

/** Drops a person's passkeys, as an admin's revocation would (a seeded account on a new device). */
export async function forgetPasskeys(testInfo: TestInfo, email: string) {
  const db = await journeyDb(testInfo);
  for (const table of ["Passkey", "RecoveryCode"])
    await db.query(
      `DELETE FROM "${table}" WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`,
      [email],
    );
}

/**
 * On the passkey step after a staff mail link: registers a passkey on this page's virtual
 * authenticator (the seeded account's earlier passkeys, from other browsers, are dropped first),
 * keeps the recovery codes and goes on. Returns the codes.
 */
export async function registerAtPasskeyStep(page: Page, testInfo: TestInfo, email: string) {
  await virtualAuthenticator(page);
  const ja = !/\/en\//.test(page.url());
  const register = page.getByRole("button", {
    name: ja ? "パスキーを登録する" : "Register a passkey",
  });
  const confirm = page.getByRole("button", {
    name: ja ? "パスキーで確認する" : "Confirm with passkey",
  });
  const codes = page.getByTestId("recovery-codes");
  for (let attempt = 0; ; attempt++) {
    await expect(register.or(confirm)).toBeVisible();
    if (await confirm.isVisible()) {
      await forgetPasskeys(testInfo, email);
      await page.reload();
      await expect(register).toBeVisible();
    }
    await register.click();
    // Codes come with the account's first passkey; a refusal means another test signing the same
    // seeded account in registered in between: once more.
    const refused = page.locator("p.alert[role=alert]");
    await expect(async () => {
      const onStep = /\/sign-in\/passkey$/.test(page.url());
      expect(!onStep || (await codes.isVisible()) || (await refused.isVisible())).toBe(true);
    }).toPass({ timeout: 15_000 });
    if (!/\/sign-in\/passkey$/.test(page.url())) return [];
    if ((await codes.isVisible()) || attempt >= 2) break;
    await forgetPasskeys(testInfo, email);
    await page.reload();
  }
  const list = codes.getByRole("listitem");
  await expect(list).toHaveCount(10);
  const kept = await list.allInnerTexts();
  await page
    .getByRole("button", { name: ja ? "控えました。続ける" : "I have kept them. Continue" })
    .click();
  await expect(page).not.toHaveURL(/\/sign-in\/passkey/);
  return kept;
}
