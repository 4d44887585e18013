import { describe, expect, it } from "vitest";

import { parseEnv } from "./env";

describe("environment", () => {
  it("defaults to the embedded database and demo mail", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe(".data");
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
});
