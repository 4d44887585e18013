import { describe, expect, it } from "vitest";

import { formatDate, formatDateWithEra } from "./format";

describe("dates with the Japanese era", () => {
  it("writes the era beside the Gregorian date in Japanese, and the first year as 元年", () => {
    expect(formatDateWithEra("ja", "1985-04-01T00:00:00+09:00")).toBe("1985年4月1日（昭和60年）");
    expect(formatDateWithEra("ja", "2019-04-30T12:00:00+09:00")).toBe("2019年4月30日（平成31年）");
    expect(formatDateWithEra("ja", "2019-05-01T12:00:00+09:00")).toBe("2019年5月1日（令和元年）");
  });

  it("leaves English as the plain date", () => {
    const date = "1985-04-01T00:00:00+09:00";
    expect(formatDateWithEra("en", date)).toBe(formatDate("en", date));
    expect(formatDateWithEra("en", date)).toBe("1 Apr 1985");
  });
});
