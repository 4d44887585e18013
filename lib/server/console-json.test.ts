import { describe, expect, it } from "vitest";

import { structuredLine } from "./console-json";

describe("framework output as JSON lines", () => {
  it("keeps an error's name, frames and digest, never its message", () => {
    const error = Object.assign(new Error("no user 佐藤 hanako@example.jp"), { digest: "123456" });
    const entry = JSON.parse(structuredLine("error", [" ⨯ ", error])) as Record<string, string>;
    expect(entry).toMatchObject({
      level: "error",
      message: "framework error",
      errorName: "Error",
      digest: "123456",
    });
    expect(entry.stack).toMatch(/^at /);
    expect(JSON.stringify(entry)).not.toMatch(/佐藤|hanako/);
  });

  it("keeps plain text short, with addresses and long numbers masked", () => {
    const entry = JSON.parse(
      structuredLine("warn", ["Mail to hanako@example.jp failed for 090123456789", { x: 1 }]),
    ) as Record<string, string>;
    expect(entry).toMatchObject({ level: "warn", message: "console" });
    expect(entry.text).toBe("Mail to [email] failed for [digits]");
  });
});
