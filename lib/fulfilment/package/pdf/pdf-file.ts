import { deflateSync } from "node:zlib";

import type { ByteSink } from "../types";

import { baseFont, charWidth, FontSubset } from "./font";

// A PDF written front to back: each page's content stream and page object go out as soon as the
// page is full, and only what must follow the pages (the font, which needs every glyph used,
// the page tree, the cross-reference table) is written at the end. Memory holds one page, the
// list of page object numbers and the glyph subset — never the document.
// One font (Noto Sans JP as a Type0/CIDFontType2 font, Identity-H, with a ToUnicode map so the
// text can be searched and copied), A4 pages, text and thin rules: what a disclosure needs.

export const PAGE = { width: 595.28, height: 841.89 } as const;

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** A PDF text string: UTF-16BE with a byte-order mark, as hex. */
function textString(text: string): string {
  let hex = "FEFF";
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, "0");
  return `<${hex}>`;
}

/** The width of a line of text at a size, in points. */
export function textWidth(text: string, size: number): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0)!);
  return (width * size) / 1000;
}

/**
 * Text known only later, drawn now by reference: a page number in the contents, the page count in
 * "page N of M". Each is a form XObject whose content is written at the end of the document, so
 * the pages before it can still go out as soon as they are full.
 */
export interface Deferred {
  readonly name: string;
  readonly id: number;
  readonly size: number;
  readonly gray: number;
  readonly align: "left" | "right";
  value: string;
}

export class PdfFile {
  readonly font = new FontSubset();
  private offset = 0;
  private readonly offsets: number[] = [];
  private nextId = 1;
  private readonly pageIds: number[] = [];
  private readonly queued: Buffer[] = [];
  private content: string[] = [];
  private readonly deferreds: Deferred[] = [];
  private pageDeferreds = new Set<Deferred>();
  private readonly catalogId = this.allocate();
  private readonly pagesId = this.allocate();
  private readonly fontId = this.allocate();

  constructor(private readonly sink: ByteSink) {
    this.queue("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
  }

  private allocate(): number {
    return this.nextId++;
  }

  private queue(data: string | Buffer) {
    const buffer = typeof data === "string" ? Buffer.from(data, "latin1") : data;
    this.queued.push(buffer);
    this.offset += buffer.length;
  }

  private object(id: number, body: string) {
    this.offsets[id] = this.offset;
    this.queue(`${id} 0 obj\n${body}\nendobj\n`);
  }

  private stream(id: number, dict: string, data: Buffer) {
    this.offsets[id] = this.offset;
    this.queue(`${id} 0 obj\n<<${dict} /Length ${data.length}>>\nstream\n`);
    this.queue(data);
    this.queue("\nendstream\nendobj\n");
  }

  get pageCount(): number {
    return this.pageIds.length;
  }

  /** Draws text with its baseline at (x, y) from the page's top-left corner. */
  text(x: number, y: number, size: number, text: string, gray = 0) {
    if (text === "") return;
    const hex = this.font.encode(text);
    this.content.push(
      `${num(gray)} g BT /F1 ${num(size)} Tf ${num(x)} ${num(PAGE.height - y)} Td <${hex}> Tj ET`,
    );
  }

  /** Reserves text to be known later; set its `value` before `end`. */
  deferred(size: number, options: { gray?: number; align?: "left" | "right" } = {}): Deferred {
    const d: Deferred = {
      name: `D${this.deferreds.length + 1}`,
      id: this.allocate(),
      size,
      gray: options.gray ?? 0,
      align: options.align ?? "left",
      value: "",
    };
    this.deferreds.push(d);
    return d;
  }

  /** Draws deferred text with its baseline at (x, y); right-aligned ones end at x. */
  drawDeferred(x: number, y: number, d: Deferred) {
    this.content.push(`q 1 0 0 1 ${num(x)} ${num(PAGE.height - y)} cm /${d.name} Do Q`);
    this.pageDeferreds.add(d);
  }

  /** A horizontal rule at y from the top. */
  rule(x1: number, x2: number, y: number, gray = 0.6) {
    const at = num(PAGE.height - y);
    this.content.push(`${num(gray)} G 0.5 w ${num(x1)} ${at} m ${num(x2)} ${at} l S`);
  }

  /** Closes the current page: its content stream and page object are queued for writing. */
  endPage() {
    const contentId = this.allocate();
    // Level 3: most of the compression of the default level at a fraction of its time.
    this.stream(
      contentId,
      "/Filter /FlateDecode",
      deflateSync(this.content.join("\n"), { level: 3 }),
    );
    this.content = [];
    const xobjects = [...this.pageDeferreds].map((d) => `/${d.name} ${d.id} 0 R`).join(" ");
    this.pageDeferreds = new Set();
    const pageId = this.allocate();
    this.object(
      pageId,
      `<</Type /Page /Parent ${this.pagesId} 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] ` +
        `/Resources <</Font <</F1 ${this.fontId} 0 R>>${xobjects ? ` /XObject <<${xobjects}>>` : ""}>> /Contents ${contentId} 0 R>>`,
    );
    this.pageIds.push(pageId);
  }

  /** Writes what is queued; awaiting it is the back-pressure of a long document. */
  async flush() {
    if (this.queued.length === 0) return;
    const data = Buffer.concat(this.queued);
    this.queued.length = 0;
    await this.sink.write(data);
  }

  /** Writes each deferred text's form, now that its value is known (before the font is subset). */
  private writeDeferreds() {
    for (const d of this.deferreds) {
      const width = textWidth(d.value, d.size);
      const dx = d.align === "right" ? -width : 0;
      const content =
        d.value === ""
          ? ""
          : `${num(d.gray)} g BT /F1 ${num(d.size)} Tf ${num(dx)} 0 Td <${this.font.encode(d.value)}> Tj ET`;
      this.stream(
        d.id,
        `/Type /XObject /Subtype /Form /BBox [${num(dx - 2)} ${num(-d.size)} ${num(dx + width + 2)} ${num(2 * d.size)}] ` +
          `/Resources <</Font <</F1 ${this.fontId} 0 R>>>> /Filter /FlateDecode`,
        deflateSync(content),
      );
    }
  }

  private embedFont() {
    const f = baseFont();
    const scale = 1000 / f.unitsPerEm;
    const program = this.font.program();
    const fileId = this.allocate();
    this.stream(fileId, `/Length1 ${program.length} /Filter /FlateDecode`, deflateSync(program));
    // Subset fonts are named with a six-letter tag (PDF 32000-1 §9.6.4).
    const name = `/PKGAAA+${f.postscriptName.replace(/[^A-Za-z0-9-]/g, "")}`;
    const box = f.bbox;
    const descriptorId = this.allocate();
    this.object(
      descriptorId,
      `<</Type /FontDescriptor /FontName ${name} /Flags 4 /FontBBox [${[box.minX, box.minY, box.maxX, box.maxY].map((v) => num(v * scale)).join(" ")}] ` +
        `/ItalicAngle 0 /Ascent ${num(f.ascent * scale)} /Descent ${num(f.descent * scale)} ` +
        `/CapHeight ${num((f.capHeight || f.ascent) * scale)} /StemV 80 /FontFile2 ${fileId} 0 R>>`,
    );
    const used = [...this.font.used].sort((a, b) => a[0] - b[0]);
    const widths = used.map(([gid, [w]]) => `${gid} [${num(w)}]`).join(" ");
    const cidId = this.allocate();
    this.object(
      cidId,
      `<</Type /Font /Subtype /CIDFontType2 /BaseFont ${name} ` +
        `/CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> ` +
        `/FontDescriptor ${descriptorId} 0 R /DW 1000 /W [${widths}] /CIDToGIDMap /Identity>>`,
    );
    const pairs = used.map(([gid, [, cp]]) => {
      const chars = String.fromCodePoint(cp);
      let hex = "";
      for (let i = 0; i < chars.length; i++)
        hex += chars.charCodeAt(i).toString(16).padStart(4, "0");
      return `<${gid.toString(16).padStart(4, "0")}> <${hex}>`;
    });
    let cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
      "/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
      "1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n";
    for (let i = 0; i < pairs.length; i += 100) {
      const part = pairs.slice(i, i + 100);
      cmap += `${part.length} beginbfchar\n${part.join("\n")}\nendbfchar\n`;
    }
    cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    const toUnicodeId = this.allocate();
    this.stream(toUnicodeId, "/Filter /FlateDecode", deflateSync(cmap));
    this.object(
      this.fontId,
      `<</Type /Font /Subtype /Type0 /BaseFont ${name} /Encoding /Identity-H ` +
        `/DescendantFonts [${cidId} 0 R] /ToUnicode ${toUnicodeId} 0 R>>`,
    );
  }

  /** Ends the document: the last page, the font, the page tree and the cross-reference table. */
  async end(meta: { title: string; lang: string; createdAt: Date }) {
    if (this.content.length > 0 || this.pageIds.length === 0) this.endPage();
    this.writeDeferreds();
    this.embedFont();
    this.object(
      this.pagesId,
      `<</Type /Pages /Kids [${this.pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${this.pageIds.length}>>`,
    );
    this.object(
      this.catalogId,
      `<</Type /Catalog /Pages ${this.pagesId} 0 R /Lang (${meta.lang}) /ViewerPreferences <</DisplayDocTitle true>>>>`,
    );
    const stamp = meta.createdAt.toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const infoId = this.allocate();
    this.object(
      infoId,
      `<</Title ${textString(meta.title)} /Producer (DSAR portal) /CreationDate (D:${stamp}Z)>>`,
    );
    const xref = this.offset;
    let table = `xref\n0 ${this.nextId}\n0000000000 65535 f \n`;
    for (let id = 1; id < this.nextId; id++)
      table += `${String(this.offsets[id] ?? 0).padStart(10, "0")} 00000 n \n`;
    this.queue(table);
    this.queue(
      `trailer\n<</Size ${this.nextId} /Root ${this.catalogId} 0 R /Info ${infoId} 0 R>>\nstartxref\n${xref}\n%%EOF\n`,
    );
    await this.flush();
  }
}
