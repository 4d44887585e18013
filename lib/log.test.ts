import { afterEach, describe, expect, it, vi } from "vitest";

import { log } from "./log";

afterEach(() => vi.restoreAllMocks());

describe("log", () => {
  it("logs an error's name and frames under an id, never its message", () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => lines.push(line));
    const id = log.error(
      "task failed",
      new TypeError("could not parse 佐藤 花子 <hanako@example.jp>"),
      {
        taskId: "t1",
      },
    );
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, string>;
    expect(entry).toMatchObject({ level: "error", message: "task failed", errorId: id });
    expect(entry.errorName).toBe("TypeError");
    expect(entry.stack).toMatch(/^at /);
    expect(lines[0]).not.toMatch(/佐藤|hanako|could not parse/);
  });

  it("keeps an error's code, which names the failure without its data", () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => lines.push(line));
    log.error("db", Object.assign(new Error("unique on 佐藤"), { code: "P2002" }));
    log.error("db", Object.assign(new Error("x"), { code: "not a code: 佐藤 花子" }));
    expect((JSON.parse(lines[0]!) as { errorCode?: string }).errorCode).toBe("P2002");
    expect(lines[1]).not.toMatch(/佐藤/);
  });
});
