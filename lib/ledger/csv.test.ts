import { describe, expect, it } from "vitest";

import { getTranslator } from "@/lib/i18n/translate";

import { CSV_BOM, csvField, csvLine, jstDate, ledgerCsvHeader, ledgerCsvRow } from "./csv";
import type { LedgerEntry } from "./present";

describe("csvField", () => {
  it("leaves plain text alone, Japanese included", () => {
    expect(csvField("株式会社さくら亭")).toBe("株式会社さくら亭");
    expect(csvField(42)).toBe("42");
    expect(csvField(null)).toBe("");
  });

  it("quotes commas, quotes, line breaks and edge spaces, doubling inner quotes", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line1\nline2")).toBe('"line1\nline2"');
    expect(csvField("cr\r\nlf")).toBe('"cr\r\nlf"');
    expect(csvField(" padded ")).toBe('" padded "');
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("+81")).toBe("'+81");
    expect(csvField("-1")).toBe("'-1");
    expect(csvField("@sum")).toBe("'@sum");
  });

  it("ends lines with CRLF and exports the BOM", () => {
    expect(csvLine(["a", "b,c", null])).toBe('a,"b,c",\r\n');
    expect(CSV_BOM).toBe("\uFEFF");
  });
});

describe("ledger rows", () => {
  const entry: LedgerEntry = {
    id: "p1",
    providedAt: new Date("2025-03-31T15:30:00Z"),
    periodEnd: null,
    recipient: { key: "adreach-us", name: "AdReach, Inc.", recipientClass: "FOREIGN_THIRD_PARTY" },
    items: ["メールアドレス", "広告識別子（AAID・IDFA）"],
    purpose: "広告配信",
    legalBasis: "CONSENT",
    consentReference: "C-1",
    scene: null,
    foreign: {
      country: "US",
      countryName: "アメリカ合衆国",
      regime: "FTC法, 州法",
      measures: "OECD",
    },
    optOut: null,
  };

  it("writes the Japanese header and a row in Japan time with quoted fields", () => {
    const t = getTranslator("ja");
    expect(ledgerCsvHeader(t).startsWith("提供日,最終提供日,提供先,")).toBe(true);
    const row = ledgerCsvRow(entry, t);
    expect(row).toBe(
      '2025-04-01,,"AdReach, Inc.",外国にある第三者,メールアドレス / 広告識別子（AAID・IDFA）,広告配信,本人の同意,C-1,,アメリカ合衆国,"FTC法, 州法",OECD,,\r\n',
    );
    expect(jstDate(new Date("2025-03-31T14:59:59Z"))).toBe("2025-03-31");
  });

  it("names an opt-out recipient's address and representative (APPI Art.29)", () => {
    const t = getTranslator("en");
    expect(
      ledgerCsvHeader(t)
        .trimEnd()
        .endsWith("Recipient's address (opt-out),Recipient's representative (opt-out)"),
    ).toBe(true);
    const row = ledgerCsvRow(
      {
        ...entry,
        legalBasis: "OPT_OUT",
        consentReference: null,
        foreign: null,
        optOut: { address: "東京都中央区銀座5-6-7", representative: "代表取締役 三森 健" },
      },
      t,
    );
    expect(row.trimEnd().endsWith(",,,,東京都中央区銀座5-6-7,代表取締役 三森 健")).toBe(true);
  });
});
