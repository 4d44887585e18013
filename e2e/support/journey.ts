import { expect, type Page, type TestInfo } from "@playwright/test";
import pg from "pg";

import { findRunningEmbedded } from "../../scripts/lib/embedded-db";
import { E2E } from "./config";
import { sql } from "./db";

// What every journey checks on every page it walks: no console error, no 4xx/5xx it did not ask
// for, no untranslated catalogue key and no raw field key of the data map shown to a person.
// The database of the project's server (PostgreSQL, or the embedded PGlite served on a loopback
// port as `npm start` runs it) is read to know those keys and to move clocks.

let embedded: pg.Pool | undefined;

/** The database behind the project's server. */
export async function journeyDb(testInfo: TestInfo): Promise<Pick<pg.Pool, "query">> {
  if (testInfo.project.name !== "embedded") return sql();
  if (!embedded) {
    const url = await findRunningEmbedded(E2E.embedded.dataDir);
    if (!url) throw new Error("the embedded database is not running");
    embedded = new pg.Pool({ connectionString: url, max: 1 });
  }
  return embedded;
}

/** Every field key a person must never see: the data map's and those items are filed under. */
export async function fieldKeys(testInfo: TestInfo): Promise<string[]> {
  const db = await journeyDb(testInfo);
  const { rows } = await db.query<{ key: string }>(
    `SELECT key FROM "DataField" UNION SELECT DISTINCT field AS key FROM "PersonalDataItem"`,
  );
  return rows.map((r) => r.key);
}

/**
 * Listens to a page for the whole journey. `allow` lists URL patterns whose 4xx the journey
 * asks for itself (a refused download, a page that does not exist).
 */
export function watchPage(page: Page, allow: RegExp[] = []) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    // The browser reports a 4xx the journey asked for as a console error too.
    if (/Failed to load resource/.test(text) && allow.some((a) => a.test(message.location().url)))
      return;
    problems.push(`console: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("response", (response) => {
    const status = response.status();
    if (status >= 400 && !allow.some((a) => a.test(response.url())))
      problems.push(`${status} ${response.request().method()} ${response.url()}`);
  });
  return {
    problems,
    expectClean: () => expect(problems, "console errors and unexpected 4xx/5xx").toEqual([]),
  };
}

// Words of a page, for comparing against keys: split on anything but letters, digits and _ .
const tokens = (text: string) => new Set(text.split(/[^A-Za-z0-9_]+/).filter(Boolean));

/**
 * The page shows no raw field key and no untranslated catalogue key. A key that is also an
 * ordinary English word (email, phone, address…) is only looked for on Japanese pages.
 */
export async function expectHumanText(page: Page, keys: readonly string[]) {
  const text = await page.locator("body").innerText();
  const lang = await page.locator("html").getAttribute("lang");
  const words = tokens(text);
  const shown = keys.filter(
    (k) => words.has(k) && (lang === "ja" || /[A-Z_]/.test(k.slice(1)) || /_/.test(k)),
  );
  expect(shown, `raw field keys on ${page.url()}`).toEqual([]);
  // A catalogue key is a word like section.name or section.group.name, standing on its own.
  const catalogue = text
    .split(/[\s（）()「」、。,:：]+/)
    .filter((w) => /^[a-z][a-zA-Z]+(\.[a-zA-Z][a-zA-Z0-9]*){1,4}$/.test(w))
    .filter((w) => !/\.(jp|com|org|net|json|csv|pdf|html)$/.test(w));
  expect(catalogue, `catalogue keys on ${page.url()}`).toEqual([]);
}

/** Moves the person's sign-in back past the re-authentication window (15 minutes). */
export async function ageSignIn(testInfo: TestInfo, email: string, minutes = 20) {
  const db = await journeyDb(testInfo);
  await db.query(
    `UPDATE "Session" SET "authenticatedAt" = now() - make_interval(mins => $2)
     WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`,
    [email, minutes],
  );
}
