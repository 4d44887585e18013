import { spawn } from "node:child_process";
import path from "node:path";

import { PgBoss } from "pg-boss";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startS3TestServer } from "./lib/s3-test-server";
import { createTestDatabase, type TestDatabase } from "./lib/test-database";

// The processes as an operator runs them: start-up refusing a bad database, and the standalone
// worker (`npm run worker`) delivering a queued mail.

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

function run(script: string, env: Record<string, string | undefined>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  return spawn(tsx, [script], { cwd: root, env: childEnv });
}

function finish(child: ReturnType<typeof run>): Promise<{ code: number | null; output: string }> {
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

describe("start-up", () => {
  it("exits non-zero naming DATABASE_URL when the database cannot be reached", async () => {
    const result = await finish(
      run("scripts/start.ts", { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere" }),
    );
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("DATABASE_URL");
    expect(result.output).toContain("127.0.0.1:1");
  });

  it("refuses PostgreSQL without mail, naming SMTP_URL, instead of falling back to a demo", async () => {
    for (const script of ["scripts/start.ts", "scripts/worker.ts"]) {
      const result = await finish(
        run(script, {
          DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres",
          DEMO_MODE: undefined,
          SMTP_URL: undefined,
          NODE_ENV: "production",
        }),
      );
      expect(result.code, script).toBe(1);
      expect(result.output).toMatch(/Refusing to start: SMTP_URL: not set; .*DEMO_MODE=1/);
    }
  });

  it("exits non-zero naming the variable when the environment is invalid", async () => {
    const result = await finish(run("scripts/start.ts", { DATABASE_URL: "mysql://localhost/x" }));
    expect(result.code).toBe(1);
    expect(result.output).toContain("DATABASE_URL: must be a postgresql:// URL");
    // Several app processes cannot share the embedded database.
    const embedded = await finish(
      run("scripts/start.ts", { WEB_CONCURRENCY: "2", DATABASE_URL: undefined }),
    );
    expect(embedded.code).toBe(1);
    expect(embedded.output).toContain("WEB_CONCURRENCY: above 1 needs DATABASE_URL");
  });
});

describe("standalone worker", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it("refuses to start, naming the bucket, when S3 refuses its credentials", async () => {
    const s3 = await startS3TestServer();
    try {
      const result = await finish(
        run("scripts/worker.ts", {
          DATABASE_URL: database.url,
          DEMO_MODE: "1",
          S3_ENDPOINT: s3.endpoint,
          S3_BUCKET: s3.bucket,
          S3_ACCESS_KEY_ID: s3.accessKeyId,
          S3_SECRET_ACCESS_KEY: "not-the-secret",
        }),
      );
      expect(result.code).toBe(1);
      expect(result.output).toContain("Cannot use the bucket in S3_ENDPOINT/S3_BUCKET");
      expect(result.output).toContain("SignatureDoesNotMatch");
      expect(result.output).not.toContain("not-the-secret");
    } finally {
      await s3.close();
    }
  });

  it("delivers a queued mail into the dev mailbox when no SMTP server is set", async () => {
    const worker = run("scripts/worker.ts", {
      DATABASE_URL: database.url,
      DEMO_MODE: "1",
      SMTP_URL: undefined,
    });
    const exited = finish(worker);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("worker did not start")), 30_000);
      worker.stdout.on("data", (d: Buffer) => {
        if (d.toString().includes("job worker started")) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const boss = new PgBoss({
      connectionString: database.url,
      max: 1,
      supervise: false,
      schedule: false,
    });
    await boss.start();
    await boss.send("mail-send", {
      kind: "signIn",
      locale: "en",
      to: "worker@test.example.jp",
      params: { url: "http://localhost/x" },
    });
    await boss.stop({ graceful: false });

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    let subject: string | undefined;
    for (let i = 0; i < 40 && !subject; i++) {
      const { rows } = await client.query<{ subject: string }>(
        `SELECT subject FROM "DevMail" WHERE "to" = 'worker@test.example.jp'`,
      );
      subject = rows[0]?.subject;
      if (!subject) await new Promise((r) => setTimeout(r, 250));
    }
    await client.end();
    worker.kill("SIGTERM");
    await exited;
    expect(subject).toBe("Your sign-in link");
  });
});
