import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { parseEnv, ZEnv } from "./env";

describe("environment", () => {
  it("defaults to the embedded database, which is the demo", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DEMO_MODE).toBe(true);
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe(".data");
  });

  it("is never a demo by accident: with a database, mail and keys are required", () => {
    const db = { DATABASE_URL: "postgresql://db/dsar" };
    const refused = () => parseEnv(db);
    expect(refused).toThrow(/^Refusing to start: SMTP_URL: not set; .*DEMO_MODE=1/);
    expect(refused).toThrow(/AUTH_SECRET: not set/);
    expect(refused).toThrow(/MASTER_KEY: not set/);
    expect(refused).toThrow(/AUTH_URL: not set/);
    // One line, naming every variable.
    expect(() => parseEnv({ ...db, NODE_ENV: "production" })).toThrow(/^[^\n]+$/);
    const production = {
      ...db,
      SMTP_URL: "smtp://mail.example.jp:587",
      AUTH_SECRET: "x".repeat(40),
      MASTER_KEY: Buffer.alloc(32, 1).toString("base64"),
      AUTH_URL: "https://privacy.example.jp",
    };
    expect(parseEnv(production).DEMO_MODE).toBe(false);
    // Demo mode on PostgreSQL only when chosen; then nothing else is required.
    expect(parseEnv({ ...db, DEMO_MODE: "1" }).DEMO_MODE).toBe(true);
    // Choosing against it on the embedded database asks for the same settings.
    expect(() => parseEnv({ DEMO_MODE: "0" })).toThrow(/SMTP_URL: not set/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(
      /DATABASE_URL: must be a postgresql:\/\/ URL/,
    );
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ SMTP_URL: "http://mail" })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(
      /AUTH_SECRET: must be at least 32 characters/,
    );
  });

  it("keeps files local unless S3 is configured, with S3 defaults for the rest", () => {
    const local = parseEnv({});
    expect(local.S3_ENDPOINT).toBeUndefined();
    const s3 = parseEnv({
      S3_ENDPOINT: "https://s3.example.jp",
      S3_BUCKET: "dsar-files",
      S3_ACCESS_KEY_ID: "AKIAEXAMPLE",
      S3_SECRET_ACCESS_KEY: "secret",
    });
    expect(s3).toMatchObject({ S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: true });
    expect(parseEnv({ S3_FORCE_PATH_STYLE: "false" }).S3_FORCE_PATH_STYLE).toBe(false);
  });

  it("refuses half an S3 configuration, naming each missing variable", () => {
    const partial = () =>
      parseEnv({ S3_ENDPOINT: "https://s3.example.jp", S3_BUCKET: "dsar-files" });
    expect(partial).toThrow(/S3_ACCESS_KEY_ID: missing: S3 storage needs all of/);
    expect(partial).toThrow(/S3_SECRET_ACCESS_KEY: missing/);
    expect(() => parseEnv({ S3_SECRET_ACCESS_KEY: "secret" })).toThrow(/S3_ENDPOINT: missing/);
    // Empty strings are unset: blanking every S3 variable is "none", not "half".
    expect(() =>
      parseEnv({ S3_ENDPOINT: "", S3_BUCKET: "", S3_ACCESS_KEY_ID: "", S3_SECRET_ACCESS_KEY: "" }),
    ).not.toThrow();
  });

  it("runs one app process unless told, and several only on PostgreSQL", () => {
    expect(parseEnv({}).WEB_CONCURRENCY).toBe(1);
    const db = { DATABASE_URL: "postgresql://db/dsar", DEMO_MODE: "1" };
    expect(parseEnv({ ...db, WEB_CONCURRENCY: "2" }).WEB_CONCURRENCY).toBe(2);
    expect(() => parseEnv({ WEB_CONCURRENCY: "2" })).toThrow(
      /WEB_CONCURRENCY: above 1 needs DATABASE_URL/,
    );
    expect(() => parseEnv({ ...db, WEB_CONCURRENCY: "0" })).toThrow(/WEB_CONCURRENCY/);
    expect(() => parseEnv({ ...db, WEB_CONCURRENCY: "two" })).toThrow(/WEB_CONCURRENCY/);
  });

  it("names a malformed S3 variable", () => {
    const base = {
      S3_ENDPOINT: "https://s3.example.jp",
      S3_BUCKET: "dsar-files",
      S3_ACCESS_KEY_ID: "AKIAEXAMPLE",
      S3_SECRET_ACCESS_KEY: "secret",
    };
    expect(() => parseEnv({ ...base, S3_ENDPOINT: "ftp://s3" })).toThrow(
      /S3_ENDPOINT: must be an http:\/\/ or https:\/\/ URL/,
    );
    expect(() => parseEnv({ ...base, S3_BUCKET: "Bad_Bucket" })).toThrow(/S3_BUCKET/);
    expect(() => parseEnv({ ...base, S3_FORCE_PATH_STYLE: "maybe" })).toThrow(
      /S3_FORCE_PATH_STYLE/,
    );
  });

  it("is listed in full in .env.example, whose values are valid", () => {
    const text = readFileSync(path.join(import.meta.dirname, "..", ".env.example"), "utf8");
    const entries = text
      .split("\n")
      .filter((line) => /^[A-Z0-9_]+=/.test(line))
      .map((line): [string, string] => [
        line.slice(0, line.indexOf("=")),
        line.slice(line.indexOf("=") + 1),
      ]);
    expect(entries.map(([name]) => name).sort()).toEqual(Object.keys(ZEnv.shape).sort());
    // With the required ones filled in, the example starts as it is.
    const env = parseEnv({
      ...(Object.fromEntries(entries) as Record<string, string>),
      DATABASE_URL: "postgresql://app@db:5432/dsar",
      AUTH_SECRET: "x".repeat(32),
      AUTH_URL: "https://privacy.example.jp",
      SMTP_URL: "smtp://mail.example.jp:587",
      MASTER_KEY: Buffer.alloc(32, 1).toString("base64"),
    });
    expect(env.DEMO_MODE).toBe(false);
    expect(env.MAIL_FROM).toBe("プライバシー窓口 <privacy@example.jp>");
  });
});
