import { describe, expect, it } from "vitest";

import {
  dayBounds,
  decodeCursor,
  encodeCursor,
  filterToSearch,
  parseLedgerFilter,
  ZLedgerFilter,
} from "./filter";

describe("ZLedgerFilter", () => {
  it("accepts keys, classes, dates and a cursor; empty strings mean unset", () => {
    const r = ZLedgerFilter.parse({
      recipientClass: "FOREIGN_THIRD_PARTY",
      recipient: "adreach-us",
      scene: "points_link",
      from: "2025-01-01",
      to: "2025-12-31",
      after: "2025-06-01T03:04:05.678Z~cmabc123",
      before: "",
    });
    expect(r).toEqual({
      recipientClass: "FOREIGN_THIRD_PARTY",
      recipient: "adreach-us",
      scene: "points_link",
      from: "2025-01-01",
      to: "2025-12-31",
      after: "2025-06-01T03:04:05.678Z~cmabc123",
    });
  });

  it("refuses names, emails, impossible dates, unknown classes and reversed ranges", () => {
    expect(ZLedgerFilter.safeParse({ recipient: "hanako.sato@example.jp" }).success).toBe(false);
    expect(ZLedgerFilter.safeParse({ recipient: "佐藤 花子" }).success).toBe(false);
    expect(ZLedgerFilter.safeParse({ from: "2025-02-30" }).success).toBe(false);
    expect(ZLedgerFilter.safeParse({ from: "01/02/2025" }).success).toBe(false);
    expect(ZLedgerFilter.safeParse({ recipientClass: "FRIENDS" }).success).toBe(false);
    expect(ZLedgerFilter.safeParse({ after: "'; DROP TABLE" }).success).toBe(false);
    const reversed = ZLedgerFilter.safeParse({ from: "2025-03-01", to: "2025-02-01" });
    expect(reversed.success).toBe(false);
    expect(reversed.error?.issues[0]?.message).toBe("ledger.filter.rangeOrder");
  });

  it("parses search params leniently, dropping only the invalid fields", () => {
    const { filter, errors } = parseLedgerFilter(
      new URLSearchParams("recipientClass=PROCESSOR&from=2025-13-01&scene=review&x=1"),
    );
    expect(filter).toEqual({ recipientClass: "PROCESSOR", scene: "review" });
    expect(errors).toEqual({ from: "ledger.filter.invalidDate" });
    const arrays = parseLedgerFilter({ scene: ["review", "survey"], to: undefined });
    expect(arrays.filter).toEqual({ scene: "review" });
  });
});

describe("cursors and bounds", () => {
  it("round-trips a cursor", () => {
    const c = { providedAt: new Date("2025-06-01T03:04:05.678Z"), id: "cmabc123" };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(decodeCursor("garbage")).toBeUndefined();
  });

  it("turns dates into Japan-time day bounds, `to` inclusive", () => {
    const { fromAt, toBefore } = dayBounds({ from: "2025-04-01", to: "2025-04-01" });
    expect(fromAt?.toISOString()).toBe("2025-03-31T15:00:00.000Z");
    expect(toBefore?.toISOString()).toBe("2025-04-01T15:00:00.000Z");
  });

  it("writes the filters back to a search string without cursors", () => {
    expect(filterToSearch({ scene: "review", after: "x" }, { format: "csv" })).toBe(
      "scene=review&format=csv",
    );
  });
});
