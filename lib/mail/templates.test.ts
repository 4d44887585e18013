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

describe("mail: where to complain", () => {
  const authorities = JSON.stringify([
    {
      key: "JP",
      nameJa: "個人情報保護委員会",
      nameEn: "Personal Information Protection Commission (PPC), Japan",
      contactJa: "個人情報保護法相談ダイヤル 03-6457-9849",
      contactEn: "PPC helpline (Japanese) +81-3-6457-9849",
      url: "https://www.ppc.go.jp/",
    },
  ]);

  it("names each authority in the reader's language, and the courts", () => {
    const ja = renderMail({
      kind: "requestStatusChanged",
      locale: "ja",
      to: "a@example.jp",
      params: { reference: "R-2026-000001", status: "COMPLETED", complaint: authorities },
    });
    expect(ja.text).toContain("次の監督機関に苦情を申し立てることができます");
    expect(ja.text).toContain(
      "- 個人情報保護委員会 （個人情報保護法相談ダイヤル 03-6457-9849） https://www.ppc.go.jp/",
    );
    expect(ja.text).toContain("裁判所に訴えを提起することもできます");
    const en = renderMail({
      kind: "requestStatusChanged",
      locale: "en",
      to: "a@example.jp",
      params: { reference: "R-2026-000001", status: "COMPLETED", complaint: authorities },
    });
    expect(en.text).toContain("Personal Information Protection Commission (PPC), Japan");
    expect(en.text).toContain("You may also take the matter to court.");
  });

  it("says nothing of complaints when the job carries no authorities", () => {
    const plain = renderMail({
      kind: "requestStatusChanged",
      locale: "en",
      to: "a@example.jp",
      params: { reference: "R-2026-000001", status: "COMPLETED" },
    });
    expect(plain.text).not.toContain("complain");
  });
});

describe("mail: a task for a system reached by mail (EMAIL connector)", () => {
  const url = "https://portal.example.jp/ja/system-tasks/ckxyz.signature";

  it("leads to its signed link, in text and HTML, and names only the request and the system", () => {
    for (const [locale, kind] of [
      ["ja", "systemTask"],
      ["en", "systemTaskReminder"],
    ] as const) {
      const mail = renderMail({
        kind,
        locale,
        to: "desk@vendor.example.jp",
        params: { reference: "R-2026-000001", system: "配送", action: "消去", url, count: 1 },
      });
      expect(mail.subject).toContain("R-2026-000001");
      expect(mail.text).toContain(url);
      expect(mail.html).toContain(`href="${url}"`);
    }
  });
});
