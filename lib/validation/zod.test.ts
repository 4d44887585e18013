import { execFileSync } from "node:child_process";
import path from "node:path";

import { describe, expect, it } from "vitest";

// Schemas built in the browser must be built after zod is told not to compile with `new Function`
// (lib/validation/zod.ts): so no module but that one takes `z` from zod directly.

const root = path.resolve(import.meta.dirname, "..", "..");

describe("zod in the browser", () => {
  it("is imported for schemas from lib/validation/zod only", () => {
    const hits = execFileSync(
      "git",
      [
        "grep",
        "-l",
        "-E",
        '^import \\{[^}]*\\bz\\b[^}]*\\} from "zod"',
        "--",
        "app",
        "components",
        "lib",
      ],
      { cwd: root, encoding: "utf8" },
    )
      .split("\n")
      .filter(Boolean)
      .filter((file) => !file.endsWith(".test.ts"));
    expect(hits).toEqual(["lib/validation/zod.ts"]);
  });
});
