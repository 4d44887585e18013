import { describe, expect, it } from "vitest";

import { readerZone } from "@/lib/deadlines/calendar";

import { renderMail } from "./templates";

// A due date reaches the requester as a date of their own calendar: a GDPR deadline that ends at
// midnight in Paris is the 28th in Paris, though it is already the 1st in Japan.

describe("mail: the due date in the reader's time", () => {
  const due = new Date("2026-02-28T23:59:59.999+01:00").toISOString();

  it("writes the date in the requester's zone when the job carries one", () => {
    const paris = renderMail({
      kind: "requestReceived",
      locale: "en",
      to: "a@example.fr",
      params: { reference: "R-2026-000001", dueDate: due, dueZone: readerZone("FR", null) },
    });
    expect(paris.text).toContain("28 Feb 2026");
    expect(paris.text).not.toContain("1 Mar 2026");
  });

  it("falls back to Japan time, the organisation's", () => {
    const tokyo = renderMail({
      kind: "requestReceived",
      locale: "ja",
      to: "a@example.jp",
      params: { reference: "R-2026-000001", dueDate: due },
    });
    expect(tokyo.text).toContain("2026年3月1日");
  });

  it("reads the zone from the residence: its law's zone, else Japan's", () => {
    expect(readerZone("FR", null)).toBe("Europe/Paris");
    expect(readerZone("US", "CA")).toBe("America/Los_Angeles");
    expect(readerZone("US", "OTHER")).toBe("Asia/Tokyo");
    expect(readerZone("GB", null)).toBe("Europe/London");
    expect(readerZone(null, null)).toBe("Asia/Tokyo");
  });
});
