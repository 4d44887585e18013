import os from "node:os";

import { expect, test } from "@playwright/test";

import { startBuiltServer } from "./support/built-server";
import { E2E } from "./support/config";
import { createSession, createUser } from "./support/db";

// Probes of issue 13, run in CI: an operator's ordinary mistake must not open the portal.
// - A portal on PostgreSQL with no mail configured refuses to start (no silent demo mode).
// - Demo-only routes do not exist outside demo mode.
// - In demo mode the dev mailbox answers this machine only, whatever headers a client sends.
// - Staff, managers and admins signed in by mail alone are nobody until their passkey.

/** A non-loopback address of this machine, if it has one (how another machine reaches it). */
function externalAddress(): string | undefined {
  for (const list of Object.values(os.networkInterfaces()))
    for (const a of list ?? []) if (!a.internal && a.family === "IPv4") return a.address;
  return undefined;
}

test("a portal on PostgreSQL without mail refuses to start, naming SMTP_URL", async ({
  browserName: _browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "postgres", "one run is enough");
  const child = startBuiltServer({
    port: E2E.pg.port + 7,
    stdio: "pipe",
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: E2E.pg.url,
      AUTH_SECRET: E2E.authSecret,
      MASTER_KEY: E2E.masterKey,
      AUTH_URL: "https://privacy.example.jp",
      WORKER_MODE: "off",
    },
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(null);
    }, 60_000);
    child.on("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  expect(code, output).toBe(1);
  expect(output).toMatch(/Refusing to start: SMTP_URL: not set; .*DEMO_MODE=1/);
});

test("outside demo mode the demo's routes do not exist", async ({ request, baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== "postgres", "the PostgreSQL server is not a demo");
  expect((await request.get(`${baseURL}/ja/dev/mailbox`)).status()).toBe(404);
  expect((await request.get(`${baseURL}/en/dev/mailbox`)).status()).toBe(404);
  const demo = await request.post(`${baseURL}/api/demo/connector?system=reservations`, {
    data: "{}",
  });
  expect(demo.status()).toBe(404);
});

test("in demo mode the mailbox answers this machine only, whatever the headers say", async ({
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== "embedded", "the embedded server is the demo");
  const local = await request.get(`${E2E.embedded.baseURL}/ja/dev/mailbox`);
  expect(local.status()).toBe(200);
  const address = externalAddress();
  test.skip(!address, "this machine has no address other than loopback");
  const outside = `http://${address}:${E2E.embedded.port}`;
  const spoofs: Record<string, string>[] = [
    {},
    { "X-Forwarded-For": "127.0.0.1" },
    { "X-Real-IP": "127.0.0.1", "x-dsar-peer": "127.0.0.1" },
  ];
  for (const headers of spoofs) {
    const response = await request.get(`${outside}/ja/dev/mailbox`, { headers });
    expect(response.status(), JSON.stringify(headers)).toBe(404);
    expect(await response.text()).not.toContain("/api/auth/callback");
  }
  // The demo's simulated system is the portal's own business: not reachable from outside either.
  const demo = await request.post(`${outside}/api/demo/connector?system=reservations`, {
    headers: { "x-dsar-peer": "127.0.0.1" },
    data: "{}",
  });
  expect(demo.status()).toBe(404);
});

test("a client that rewrites X-Forwarded-For is still one client to the sign-in limit", async ({
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== "postgres", "one run is enough");
  const address = externalAddress();
  // From this machine's other address: its own bucket, so the rest of the suite's sign-ins from
  // loopback are not used up here.
  test.skip(!address, "this machine has no address other than loopback");
  const outside = `http://${address}:${E2E.pg.port}`;
  const post = (i: number) =>
    request.post(`${outside}/api/auth/signin/nodemailer`, {
      form: { email: `spoof-${i}-${Date.now()}@test.example.jp`, csrfToken: "x" },
      headers: { "X-Forwarded-For": `198.51.100.${i}`, "X-Real-IP": `198.51.100.${i}` },
      maxRedirects: 0,
    });
  for (let i = 1; i <= 30; i++) expect((await post(i)).status(), `mail ${i}`).not.toBe(429);
  const refused = await post(31);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
});

test("every page carries a nonce-based CSP its scripts follow, and a Permissions-Policy", async ({
  page,
  baseURL,
}) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text()))
      violations.push(m.text());
  });
  const nonces = new Set<string>();
  for (const path of ["/ja", "/en/privacy", "/ja/sign-in"]) {
    const response = await page.goto(`${baseURL}${path}`);
    const headers = response!.headers();
    const csp = headers["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(headers["permissions-policy"]).toContain("microphone=()");
    // Every script the page was sent carries the nonce. (Chunks the app loads later, such as the
    // Japanese face's rules, are inserted by those trusted scripts: 'strict-dynamic' admits them,
    // and a violation would be in the console, checked below.)
    const scripts = [...(await response!.text()).matchAll(/<script\b[^>]*>/g)].map(
      (m) => /\snonce="([^"]*)"/.exec(m[0])?.[1],
    );
    expect(scripts.length).toBeGreaterThan(0);
    expect(
      scripts.every((n) => n === nonce),
      path,
    ).toBe(true);
    // The page works: the language switcher (a client component) is interactive.
    await expect(page.locator("header.site")).toBeVisible();
  }
  expect(nonces.size).toBe(3);
  // A nonce the client sends is never used.
  const forged = await page.request.get(`${baseURL}/ja`, {
    headers: { "Content-Security-Policy": "script-src 'nonce-forged'" },
  });
  expect(forged.headers()["content-security-policy"]).not.toContain("forged");
  expect(await forged.text()).not.toContain('nonce="forged"');
  expect(violations).toEqual([]);
});

test("a mail link alone is nobody for staff, managers and admins until their passkey", async ({
  request,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== "postgres", "one run is enough");
  for (const role of ["STAFF", "MANAGER", "ADMIN"] as const) {
    const user = await createUser(role);
    const cookie = `authjs.session-token=${await createSession(user.id, { passkey: false })}`;
    const queue = await request.get(`${baseURL}/ja/staff`, {
      headers: { cookie },
      maxRedirects: 0,
    });
    expect(queue.status(), role).toBe(307);
    expect(queue.headers().location).toMatch(/\/ja\/sign-in\/passkey$/);
    const exported = await request.get(
      `${baseURL}/ja/manager/export?from=2026-01-01&to=2026-01-31`,
      { headers: { cookie } },
    );
    expect(exported.status(), role).toBe(401);
    // The same person with the passkey confirmed is let in.
    const confirmed = `authjs.session-token=${await createSession(user.id)}`;
    const allowed = await request.get(`${baseURL}/ja/staff`, {
      headers: { cookie: confirmed },
      maxRedirects: 0,
    });
    expect(allowed.status(), role).toBe(200);
  }
});
