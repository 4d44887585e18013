import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { breakLines } from "@/lib/pdf/line-break";
import { createPdfWriter } from "./pdf-writer";
import { item, memorySink, write } from "./test-fixtures";

// The PDF must carry Japanese text that a reader can see, search and copy: checked by extracting
// the text again with poppler's pdftotext (Debian poppler-utils) where it is installed, and in
// any case by reading the embedded font and its ToUnicode map out of the file.

let dir: string;
const hasPoppler = (() => {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pdf-writer-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function buildPdf(count: number, gaps: Parameters<typeof write>[4] = []) {
  const sink = memorySink();
  const items = Array.from({ length: count }, (_, i) =>
    item({
      ref: `r${i}`,
      category: i < count / 2 ? "氏名" : "予約履歴",
      field: `reservation${i}`,
      fieldLabel: `予約${i}`,
      value: `宿泊予約 東京都港区のホテル「桜」 2泊 ¥48,200 — 髙橋 𠮷野 #${i}`,
    }),
  );
  await write(
    createPdfWriter(sink),
    [items.slice(0, count / 2), items.slice(count / 2)],
    {
      withheld: [
        {
          ref: "x",
          category: "電話番号",
          system: "会員基盤",
          field: "phone",
          reason: "第三者の権利を害するおそれ",
        },
      ],
    },
    "ja",
    gaps,
  );
  return sink;
}

/** The decoded streams of a PDF (our writer's objects are all Flate-compressed or plain). */
function streams(pdf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf("stream\n", at);
    if (start < 0) return out;
    const end = pdf.indexOf("\nendstream", start);
    const dict = pdf.subarray(pdf.lastIndexOf(" obj\n", start), start).toString("latin1");
    const data = pdf.subarray(start + 7, end);
    out.push(dict.includes("/FlateDecode") ? inflateSync(data) : data);
    at = end + 10;
  }
}

/** Undoes the PNG "up" predictor of a stream of `columns`-byte rows. */
function unpredict(data: Buffer, columns: number): Buffer {
  const out = Buffer.alloc((data.length / (columns + 1)) * columns);
  for (let row = 0; row * (columns + 1) < data.length; row++) {
    expect(data[row * (columns + 1)]).toBe(2);
    for (let i = 0; i < columns; i++) {
      const above = row > 0 ? out[(row - 1) * columns + i]! : 0;
      out[row * columns + i] = (data[row * (columns + 1) + 1 + i]! + above) & 0xff;
    }
  }
  return out;
}

describe("PDF writer", () => {
  it("embeds a Japanese font subset with a ToUnicode map and writes a well-formed file", async () => {
    const sink = await buildPdf(160);
    const pdf = sink.bytes();
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-1.7")).toBe(true);
    expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
    expect(text).toMatch(/\/Subtype \/Type0 \/BaseFont \/PKGAAA\+NotoSansJP/);
    expect(text).toContain("/Encoding /Identity-H");
    expect(text).toMatch(/\/FontFile2 \d+ 0 R/);
    // Written as it goes: the pages went out before the end.
    expect(sink.chunks.length).toBeGreaterThan(3);
    // The cross-reference stream points at the objects, in the file or in an object stream.
    const xref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    const xrefHead = text.slice(xref, text.indexOf("stream\n", xref));
    expect(xrefHead).toMatch(/^\d+ 0 obj\n<<\/Type \/XRef .*\/W \[1 4 2\]/);
    const size = Number(/\/Size (\d+)/.exec(xrefHead)?.[1]);
    expect(xrefHead).toContain("/DecodeParms <</Predictor 12 /Columns 7>>");
    const rows = unpredict(streams(pdf.subarray(xref))[0]!, 7);
    expect(rows.length).toBe(size * 7);
    const objectStreams = new Set<number>();
    let compressed = 0;
    for (let id = 1; id < size; id++) {
      const type = rows.readUInt8(id * 7);
      const field = rows.readUInt32BE(id * 7 + 1);
      if (type === 1) expect(text.slice(field)).toMatch(new RegExp(`^${id} 0 obj\n`));
      if (type === 2) {
        objectStreams.add(field);
        compressed++;
      }
    }
    expect(compressed).toBeGreaterThan(160); // the structure elements, a few per row
    for (const stream of objectStreams) {
      const offset = rows.readUInt32BE(stream * 7 + 1);
      expect(text.slice(offset, offset + 200)).toMatch(/^\d+ 0 obj\n<<\/Type \/ObjStm \/N \d+/);
    }
    // ToUnicode maps glyphs back to the characters, including one outside the BMP (𠮷).
    const cmap = streams(pdf)
      .map((s) => s.toString("latin1"))
      .find((s) => s.includes("beginbfchar"))!;
    for (const char of ["予", "約", "髙", "桜", "¥"])
      expect(cmap).toContain(`<${char.charCodeAt(0).toString(16).padStart(4, "0")}>`);
    expect(cmap).toContain("<d842dfb7>");
  });

  it.skipIf(!hasPoppler)("reads back as Japanese text with pdftotext", async () => {
    const file = path.join(dir, "package.pdf");
    await writeFile(file, (await buildPdf(120)).bytes());
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(2);
    expect(info).toMatch(/Title:\s+保有個人データの開示 R-2026-000123/);
    const extracted = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    for (const text of [
      "保有個人データの開示",
      "利用目的",
      "サービスの運営",
      "取得の経緯",
      "シンガポール",
      "ご本人の権利と請求の方法",
      "宿泊予約 東京都港区のホテル「桜」",
      "髙橋 𠮷野 #119",
      "開示しなかった項目",
      "第三者の権利を害するおそれ",
      // "Page N of M" on every page, the total filled in at the end.
      `R-2026-000123 — 3 / ${pages}`,
      `R-2026-000123 — ${pages} / ${pages}`,
    ])
      expect(extracted).toContain(text);
    // The cover letter: to the person, from the desk, with the contents and each section's page.
    const cover = execFileSync("pdftotext", ["-enc", "UTF-8", "-l", "1", "-layout", file, "-"], {
      encoding: "utf8",
    });
    expect(cover).toContain("佐藤 花子 様");
    expect(cover).toContain("個人情報保護窓口");
    expect(cover).toContain("発行日: 2026年4月1日（令和8年）");
    expect(cover).toMatch(/1\. 利用目的\s+2\n/);
    expect(cover).toMatch(/7\. 開示する個人データ\s+\d+\n/);
    const itemsPage = Number(/7\. 開示する個人データ\s+(\d+)\n/.exec(cover)?.[1]);
    const onItemsPage = execFileSync(
      "pdftotext",
      ["-enc", "UTF-8", "-f", String(itemsPage), "-l", String(itemsPage), file, "-"],
      { encoding: "utf8" },
    );
    expect(onItemsPage).toContain("開示する個人データ");
    // Field labels from the data map, never the systems' keys for them.
    expect(extracted).toContain("予約7");
    expect(extracted).not.toContain("reservation7");
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" });
    expect(fonts).toMatch(/NotoSansJP-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });
});

describe("a tagged PDF", () => {
  it.skipIf(!hasPoppler)(
    "has a structure tree a screen reader reads in order: headings, contents, tables",
    async () => {
      const file = path.join(dir, "tagged.pdf");
      await writeFile(file, (await buildPdf(120)).bytes());
      const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
      expect(info).toMatch(/Tagged:\s+yes/);
      expect(info).toMatch(/Suspects:\s+no/);
      const tree = execFileSync("pdfinfo", ["-struct-text", file], { encoding: "utf8" });
      const lines = tree.split("\n");
      expect(lines[0]).toBe("Document");
      // The outline starts at H1: the letter's subject, then the contents as a TOC whose entries
      // read their page numbers (drawn at the end, as forms, inside each entry).
      const firstHeading = lines.find((l) => /^\s+H\d/.test(l));
      expect(firstHeading?.trim()).toBe("H1 (block)");
      expect(tree).toMatch(/TOCI\n\s+"1\. 利用目的"\n\s+"2"/);
      // Each item a table row: its field the row's header cell, its content a data cell.
      expect(tree).toMatch(
        /TR\n\s+TH:\n\s+\/Scope \/Row\n\s+"予約7"\n\s+TD\n\s+"宿泊予約 東京都港区のホテル「桜」/,
      );
      expect(tree.match(/^\s+TR$/gm)?.length).toBe(121); // 120 items and one withheld
      expect(tree.match(/^\s+Table \(block\)$/gm)?.length).toBe(3); // two categories, withheld
      // Page furniture is on the page but not read: the footer and the running head.
      const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
      for (const furniture of ["R-2026-000123 — ", "（続き）"]) {
        expect(text).toContain(furniture);
        expect(tree).not.toContain(furniture);
      }
    },
  );
});

describe("systems whose data could not be gathered", () => {
  it.skipIf(!hasPoppler)("are stated near the top of the PDF", async () => {
    const file = path.join(dir, "gaps.pdf");
    await writeFile(file, (await buildPdf(4, [{ system: "予約", reason: "failed" }])).bytes());
    const extracted = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    expect(extracted).toContain("取得できなかったデータ");
    expect(extracted).toContain("予約: システムから応答がありませんでした");
    expect(extracted.indexOf("取得できなかったデータ")).toBeLessThan(extracted.indexOf("利用目的"));
  });
});

describe("line breaking", () => {
  const width = () => 1;
  it("breaks Japanese anywhere but never starts a line with closing punctuation", () => {
    expect(breakLines("あいうえお。かきくけこ", 5, width)).toEqual(["あいうえお。", "かきくけこ"]);
    expect(breakLines("「あいうえ」かき", 5, width)).toEqual(["「あいうえ」", "かき"]);
  });
  it("keeps an opening bracket with what follows", () => {
    expect(breakLines("あいう「えお", 4, width)).toEqual(["あいう", "「えお"]);
  });
  it("breaks Latin text at spaces and cuts a word longer than a line", () => {
    expect(breakLines("the quick brown fox", 10, width)).toEqual(["the quick", "brown fox"]);
    expect(breakLines("abcdefghijkl", 5, width)).toEqual(["abcde", "fghij", "kl"]);
  });
  it("honours newlines and drops control characters", () => {
    expect(breakLines("a\r\nb\u0007c\n\nd", 10, width)).toEqual(["a", "bc", "", "d"]);
  });
});
