import { describe, expect, it } from "vitest";

import { createCsvWriter } from "./csv-writer";
import { createHtmlWriter, escapeHtml } from "./html-writer";
import { createJsonWriter } from "./json-writer";
import { item, memorySink, write } from "./test-fixtures";

describe("JSON writer", () => {
  it("writes one valid JSON document across batches, with the tail after the items", async () => {
    const sink = memorySink();
    const batches = [
      [item({ ref: "a", value: 'quote " and \\ backslash' }), item({ ref: "b" })],
      [],
      [item({ ref: "c", value: "改行\nあり", collectedAt: null })],
    ];
    await write(createJsonWriter(sink), batches, {
      withheld: [
        {
          ref: "x",
          category: "電話番号",
          system: "会員基盤",
          field: "phone",
          reason: "第三者の情報",
        },
      ],
      neverIncluded: { count: 2, kinds: ["MY_NUMBER"] },
    });
    expect(sink.chunks.length).toBeGreaterThan(2);
    const doc = JSON.parse(sink.text()) as {
      reference: string;
      items: { ref: string }[];
      itemCount: number;
      withheld: { reason: string }[];
      neverIncluded: unknown;
      supplementary: { recipients: { foreign: { country: string } }[] };
    };
    expect(doc.reference).toBe("R-2026-000123");
    expect(doc.items.map((i) => i.ref)).toEqual(["a", "b", "c"]);
    expect(doc.items[0]).toMatchObject({
      category: { key: "name", name: "氏名" },
      system: { key: "members", name: "会員基盤" },
      value: 'quote " and \\ backslash',
    });
    expect(doc.items[2]).toMatchObject({ value: "改行\nあり", collectedAt: null });
    expect(doc.itemCount).toBe(3);
    expect(doc.withheld[0]?.reason).toBe("第三者の情報");
    expect(doc.neverIncluded).toEqual({ count: 2, kinds: ["MY_NUMBER"] });
    expect(doc.supplementary.recipients[0]?.foreign.country).toBe("SG");
  });

  it("is valid with no items at all", async () => {
    const sink = memorySink();
    await write(createJsonWriter(sink), []);
    expect((JSON.parse(sink.text()) as { items: unknown[] }).items).toEqual([]);
  });
});

describe("CSV writer", () => {
  it("starts with a BOM and a header, quotes per RFC 4180 and ends lines with CRLF", async () => {
    const sink = memorySink();
    await write(createCsvWriter(sink), [
      [
        item({ value: 'say "hi", then\r\nleave' }),
        item({ field: "plainKey", fieldLabel: "平文", value: "値" }),
      ],
    ]);
    const text = sink.text();
    expect(
      text.startsWith("\uFEFF情報の種類,システム,項目,内容,取得の方法,取得の経緯,取得日\r\n"),
    ).toBe(true);
    expect(text).toContain(`,"say ""hi"", then\r\nleave",`);
    // The field's label from the data map, never the system's key for it.
    expect(text).toContain("氏名,会員基盤,平文,値,ご本人から直接,");
    expect(text).not.toContain("plainKey");
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("neutralises cells that a spreadsheet would run as a formula", async () => {
    const sink = memorySink();
    const values = ["=1+1", "+81 90", "-2", "@SUM(A1)", '=HYPERLINK("http://evil")'];
    await write(createCsvWriter(sink), [values.map((value, i) => item({ ref: `r${i}`, value }))]);
    const rows = sink.text().split("\r\n").slice(1, -1);
    expect(rows.map((r) => r.split(",")[3])).toEqual([
      "'=1+1",
      "'+81 90",
      "'-2",
      "'@SUM(A1)",
      `"'=HYPERLINK(""http://evil"")"`,
    ]);
  });

  it("writes English headers for an English request", async () => {
    const sink = memorySink();
    await write(createCsvWriter(sink), [[item()]], {}, "en");
    expect(sink.text()).toContain("Kind of information,System,Item,Content,How obtained");
  });
});

describe("systems whose data could not be gathered", () => {
  const gaps = [
    { system: "予約", reason: "failed" as const },
    { system: "採用", reason: "cancelled" as const },
  ];

  it("are stated in every format, in the reader's language", async () => {
    const csv = memorySink();
    const json = memorySink();
    const html = memorySink();
    await write(createCsvWriter(csv), [[item()]], {}, "ja", gaps);
    await write(createJsonWriter(json), [[item()]], {}, "ja", gaps);
    await write(createHtmlWriter(html), [[item()]], {}, "ja", gaps);
    const rows = csv.text().split("\r\n");
    expect(rows).toContain(
      "取得できなかったデータ,予約,,予約: システムから応答がありませんでした,,,",
    );
    expect(rows).toContain("取得できなかったデータ,採用,,採用: 取得の手続きを中止しました,,,");
    expect(JSON.parse(json.text()).missingData).toEqual(gaps);
    expect(html.text()).toContain('<section id="gaps"');
    expect(html.text()).toContain("予約: システムから応答がありませんでした");
  });

  it("leave no trace when every system answered", async () => {
    const html = memorySink();
    const csv = memorySink();
    await write(createHtmlWriter(html), [[item()]]);
    await write(createCsvWriter(csv), [[item()]]);
    expect(html.text()).not.toContain('id="gaps"');
    expect(csv.text()).not.toContain("取得できなかったデータ");
  });
});

describe("HTML writer", () => {
  it("escapes every value and keeps the document self-contained", async () => {
    const sink = memorySink();
    await write(
      createHtmlWriter(sink),
      [
        [
          item({ value: `<script>alert("x")</script>` }),
          item({ field: "ab", fieldLabel: "a&b", value: "it's" }),
        ],
        [item({ category: "電話番号", categoryKey: "phone", field: "phone", value: "090" })],
      ],
      {
        withheld: [
          { ref: "x", category: "<i>c</i>", system: "s", field: "f", reason: "<b>理由</b>" },
        ],
      },
    );
    const html = sink.text();
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("a&amp;b");
    expect(html).toContain("it&#39;s");
    expect(html).toContain("&lt;b&gt;理由&lt;/b&gt;");
    expect(html).toMatch(/^<!doctype html>\n<html lang="ja">/);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/);
    // One table per category, each closed; the document closes.
    expect(html.match(/<h3 id="category-/g)).toHaveLength(2);
    expect(html.match(/<table>/g)?.length).toBe(html.match(/<\/table>/g)?.length);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
  });

  it("opens with a letter to the person from the organisation's desk", async () => {
    const ja = memorySink();
    await write(createHtmlWriter(ja), [[item()]]);
    const html = ja.text();
    expect(html).toContain('<header class="letter">');
    expect(html).toContain('<p class="to">佐藤 花子 様</p>');
    expect(html).toContain(
      "株式会社サクラリンク<br>個人情報保護窓口<br>東京都港区芝公園四丁目9番9号",
    );
    expect(html).toContain("発行日: 2026年4月1日（令和8年）");
    expect(html).toContain("保有個人データの開示について（ご回答）");
    const en = memorySink();
    await write(createHtmlWriter(en), [[item()]], {}, "en");
    expect(en.text()).toContain('<p class="to">Dear 佐藤 花子,</p>');
    expect(en.text()).toContain("Issued on: 1 Apr 2026");
  });

  it("carries the supplementary information in the request's language", async () => {
    const sink = memorySink();
    await write(createHtmlWriter(sink), [[item()]], {
      neverIncluded: { count: 1, kinds: ["MY_NUMBER"] },
    });
    const html = sink.text();
    for (const text of [
      "利用目的",
      "サービスの運営",
      "取得の経緯",
      "会員登録時にご本人が入力",
      "第三者への提供",
      "Global Hotels Ltd.",
      "シンガポール",
      "個人データ保護法（PDPA）",
      "保存期間",
      "利用目的の達成まで",
      "2032-03-31まで（最長）",
      "法人税法に基づく保存義務（7年間）",
      "ご本人の権利と請求の方法",
      "訂正・追加・削除",
      "privacy@example.jp",
      "含めていません（1件）",
    ])
      expect(html).toContain(text);
    const en = memorySink();
    await write(createHtmlWriter(en), [[item()]], {}, "en");
    expect(en.text()).toContain('<html lang="en">');
    expect(en.text()).toContain("Purposes of use");
    expect(en.text()).toContain("Your rights and how to use them");
  });

  it("escapes the five HTML-special characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
  });
});

describe("dates in Japan time", () => {
  it("turns UTC instants into the Japanese calendar day", async () => {
    const { jstDay } = await import("./present");
    expect(jstDay("2025-04-01T14:59:59.999Z")).toBe("2025-04-01");
    expect(jstDay("2025-04-01T15:00:00.000Z")).toBe("2025-04-02");
    expect(jstDay("2024-12-31T20:00:00.000Z")).toBe("2025-01-01");
    expect(jstDay("2024-02-28T23:00:00Z")).toBe("2024-02-29");
    expect(jstDay("2025-04-01T10:00:00+09:00")).toBe("2025-04-01");
    expect(jstDay(new Date("2025-04-01T16:00:00Z"))).toBe("2025-04-02");
    expect(jstDay("not a date")).toBe("");
    expect(jstDay(null)).toBe("");
  });
});
