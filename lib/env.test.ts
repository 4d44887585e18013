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
});
