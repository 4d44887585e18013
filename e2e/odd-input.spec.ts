import { readdirSync } from "node:fs";
import path from "node:path";

import { expect, test } from "./support/fixtures";

// No 500 for any input (shared/JOURNEYS.md): every page of the app, found from app/[locale] so a
// new page is covered without a change here, opened by each audience with odd path segments and
// odd query strings. A refusal, a redirect, a not-found or an ignored filter are all answers;
// only a server error fails. (Server actions' arguments: site-errors.spec.ts.)

const APP = path.join(import.meta.dirname, "..", "app", "[locale]");

/** Every page's path below the locale, its dynamic segments as written (e.g. `/me/requests/[reference]`). */
function pagePaths(dir = APP, prefix = ""): string[] {
  const paths: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === "page.tsx") paths.push(prefix);
    if (entry.isDirectory())
      paths.push(...pagePaths(path.join(dir, entry.name), `${prefix}/${entry.name}`));
  }
  return paths;
}

/** What a dynamic segment is given: nothing that exists, in several odd shapes. */
const ODD_SEGMENTS = [
  "zzz",
  "R-2026-000000",
  "%E3%81%82",
  "..%2F..",
  "-1",
  "99999999999999999999",
  "x".repeat(300),
];

const long = encodeURIComponent("あ".repeat(4000));
const ODD_QUERIES = [
  "",
  "?page=-1&after=%00&before=zz&status=NOPE&type=x&from=2026-99-99&to=abc&q=%3Cscript%3E&sort=;drop&recipient=%27&scene=x&view=zzz&assignee=nobody&due=x&jurisdiction=QQ&callbackUrl=http://evil.example&error=Verification&version=-1&class=zz&system=zz&category=zz&period=zz&month=2026-13",
  "?status=A&status=B&type=a&type=b&from=2026-01-01&from=2026-02-02&after=a&after=b&view=system&view=category",
  `?q=${long}&after=${long}&from=${long}&recipient=${long}`,
  "?after=eyJ4IjoxfQ&before=eyJhIjpbXX0&page=1e308&limit=999999",
  "?from=2026-02-30&to=1900-01-01&period=-5&year=99999",
  "?__proto__[x]=1&constructor=1&toString=1",
];

function oddUrls(): string[] {
  const urls: string[] = [];
  for (const page of pagePaths()) {
    const dynamic = /\[[^\]]+\]/.test(page);
    const shapes = dynamic
      ? ODD_SEGMENTS.map((odd) =>
          page.replace(/\[\.\.\.[^\]]+\]/g, `a/${odd}`).replace(/\[[^\]]+\]/g, odd),
        )
      : [page];
    for (const shape of shapes) {
      // A page: every odd query in Japanese, the plain page and the widest query in English. An
      // odd segment: with no query and the widest, and plain in English.
      const ja = dynamic ? ODD_QUERIES.slice(0, 2) : ODD_QUERIES;
      const en = dynamic ? ODD_QUERIES.slice(0, 1) : ODD_QUERIES.slice(0, 2);
      for (const query of ja) urls.push(`/ja${shape}${query}`);
      for (const query of en) urls.push(`/en${shape}${query}`);
    }
  }
  return urls;
}

for (const role of ["nobody", "SUBJECT", "STAFF", "MANAGER"] as const)
  test(`no page answers 500 to odd input (${role === "nobody" ? "signed out" : role})`, async ({
    page,
    signIn,
  }) => {
    test.setTimeout(240_000);
    if (role !== "nobody") await signIn(role, { withSubject: role === "SUBJECT" });
    const urls = oddUrls();
    expect(urls.length).toBeGreaterThan(400);
    const failed: string[] = [];
    for (const url of urls) {
      const response = await page.request.get(url, { maxRedirects: 0, failOnStatusCode: false });
      if (response.status() >= 500) failed.push(`${response.status()} ${url.slice(0, 160)}`);
    }
    expect(failed).toEqual([]);
  });
