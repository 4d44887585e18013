import { defineConfig } from "@playwright/test";

import { E2E } from "./e2e/support/config";

// Two servers from one production build: PostgreSQL with mail over SMTP to a local sink, and the
// embedded default exactly as `npm start` runs it, with mail in the dev mailbox.
export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "reports/e2e.json" }]],
  use: {
    trace: "retain-on-failure",
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    {
      name: "postgres",
      testIgnore: /embedded-.*\.spec\.ts/,
      use: { baseURL: E2E.pg.baseURL },
      metadata: { mail: "smtp" },
    },
    {
      name: "embedded",
      testMatch: /(embedded-.*|subject-disclosure-path|journey-.*|security)\.spec\.ts/,
      use: { baseURL: E2E.embedded.baseURL },
      metadata: { mail: "devbox" },
    },
  ],
  webServer: [
    {
      command: "tsx e2e/support/serve-postgres.ts",
      url: `${E2E.pg.baseURL}/ja`,
      timeout: 180_000,
      // E2E_REUSE=1 runs against servers already started (a developer's loop); CI never does.
      reuseExistingServer: !!process.env.E2E_REUSE && !process.env.CI,
      stdout: "pipe",
    },
    {
      command: "tsx e2e/support/serve-embedded.ts",
      url: `${E2E.embedded.baseURL}/ja`,
      timeout: 180_000,
      // E2E_REUSE=1 runs against servers already started (a developer's loop); CI never does.
      reuseExistingServer: !!process.env.E2E_REUSE && !process.env.CI,
      stdout: "pipe",
    },
  ],
});
