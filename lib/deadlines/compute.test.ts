import { describe, expect, it } from "vitest";

import { addPeriod, daysLeft, earliestDeadline } from "./compute";

// Instants are written in JST (+09:00): deadlines are counted on Japanese calendar days.
const jst = (s: string) => new Date(`${s}+09:00`);

describe("deadlines", () => {
  it("counts calendar days to the end of the last day in Japan", () => {
    expect(
      addPeriod(jst("2026-11-22T10:00:00"), { amount: 10, unit: "CALENDAR_DAYS" }).toISOString(),
    ).toBe(jst("2026-12-02T23:59:59.999").toISOString());
  });

  it("uses the Japanese date of arrival, not the UTC one", () => {
    // 00:30 JST on the 23rd is still the 22nd in UTC.
    expect(
      addPeriod(jst("2026-11-23T00:30:00"), { amount: 10, unit: "CALENDAR_DAYS" }).toISOString(),
    ).toBe(jst("2026-12-03T23:59:59.999").toISOString());
  });

  it("adds months to the same date, else the month's last day", () => {
    expect(addPeriod(jst("2026-01-31T12:00:00"), { amount: 1, unit: "MONTHS" }).toISOString()).toBe(
      jst("2026-02-28T23:59:59.999").toISOString(),
    );
    expect(addPeriod(jst("2026-03-15T12:00:00"), { amount: 1, unit: "MONTHS" }).toISOString()).toBe(
      jst("2026-04-15T23:59:59.999").toISOString(),
    );
  });

  it("skips weekends and given holidays for business days", () => {
    // Friday 2026-11-20 + 3 business days = Wednesday 25th; with the 23rd a holiday, Thursday 26th.
    const friday = jst("2026-11-20T09:00:00");
    expect(addPeriod(friday, { amount: 3, unit: "BUSINESS_DAYS" }).toISOString()).toBe(
      jst("2026-11-25T23:59:59.999").toISOString(),
    );
    const holiday = (d: Date) => d.toISOString().startsWith("2026-11-23");
    expect(
      addPeriod(friday, { amount: 3, unit: "BUSINESS_DAYS" }, { isHoliday: holiday }).toISOString(),
    ).toBe(jst("2026-11-26T23:59:59.999").toISOString());
  });

  it("takes the earliest deadline when several apply, never before receipt", () => {
    const received = jst("2026-11-22T10:00:00");
    const due = earliestDeadline(received, [
      { amount: 1, unit: "MONTHS" },
      { amount: 10, unit: "CALENDAR_DAYS" },
    ]);
    expect(due.toISOString()).toBe(jst("2026-12-02T23:59:59.999").toISOString());
    expect(due.getTime()).toBeGreaterThan(received.getTime());
    expect(() => earliestDeadline(received, [])).toThrow();
  });

  it("counts days left, negative when overdue", () => {
    const due = jst("2026-12-02T23:59:59.999");
    expect(daysLeft(due, jst("2026-11-22T10:00:00"))).toBe(11);
    expect(daysLeft(due, jst("2026-12-04T10:00:00"))).toBe(-1);
  });
});
