import { deflateSync } from "node:zlib";

import { baseFont, charWidth, FontSubset } from "./font";

// A PDF written front to back: each page's content stream and page object go out as soon as the
// page is full, and only what must follow the pages (the font, which needs every glyph used,
// the page tree, the cross-reference table) is written at the end. Memory holds one page, the
// list of page object numbers and the glyph subset — never the document.
// One font (Noto Sans JP as a Type0/CIDFontType2 font, Identity-H, with a ToUnicode map so the
// text can be searched and copied), A4 pages, text and thin rules: what a disclosure needs.
//
// Tagged (PDF 32000-1 §14.7-14.8), so a screen reader reads it in order with its headings and
// tables: every text drawn inside an open structure element (`open`/`close`: H1, P, Table, TR,
// TH, ...) is marked content with an MCID belonging to it; rules, footers and running heads are
// artifacts. Elements are written as they close, each page's parent-tree entry as the page ends;
// both go into compressed object streams (§7.5.7), with a cross-reference stream (§7.5.8), so a
// disclosure of 100,000 rows (three elements each) stays small.

/** Where the bytes go, awaited per chunk (back-pressure). */
export interface ByteSink {
  write(chunk: string | Buffer): Promise<void>;
}

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

/** The standard structure types the documents use (PDF 32000-1 §14.8.4). */
export type StructTag =
  "Sect" | "H1" | "H2" | "H3" | "P" | "TOC" | "TOCI" | "Table" | "TR" | "TH" | "TD";

interface StructElement {
  readonly id: number;
  readonly tag: StructTag;
  readonly parent: number;
  readonly attributes: string;
  /** The page of its first marked content (its /Pg); MCIDs on other pages name theirs. */
  page?: number;
  readonly kids: string[];
}

/** A structure element being filled (see `PdfFile.element`). */
export type StructHandle = { readonly tag: StructTag };

/** How many objects go into one compressed object stream. */
const OBJECTS_PER_STREAM = 200;

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
  private readonly structRootId = this.allocate();
  private readonly documentId = this.allocate();
  /** Objects in object streams, by id: the stream's id (0: not in one) and the index in it. Two
   * plain number arrays, not a map of pairs: a large disclosure has hundreds of thousands. */
  private readonly streamOf: number[] = [];
  private readonly indexInStream: number[] = [];
  private pendingObjects: { id: number; body: string }[] = [];
  private pageId: number | undefined;
  private readonly documentKids: string[] = [];
  private readonly open_: StructElement[] = [];
  /** The current page's MCIDs, each the element that owns it (the page's parent-tree entry). */
  private pageParents: number[] = [];
  private readonly parentTree: string[] = [];
  private artifactDepth = 0;
  private readonly attributeIds = new Map<string, number>();

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

  /**
   * Draws text with its baseline at (x, y) from the page's top-left corner, as content of `into`
   * (an element from `element`) or else of the innermost open structure element.
   */
  text(x: number, y: number, size: number, text: string, gray = 0, into?: StructHandle) {
    if (text === "") return;
    const hex = this.font.encode(text);
    this.marked(
      `${num(gray)} g BT /F1 ${num(size)} Tf ${num(x)} ${num(PAGE.height - y)} Td <${hex}> Tj ET`,
      into as StructElement | undefined,
    );
  }

  /**
   * Content on the page, marked as part of `into` or the innermost open structure element, or as
   * an artifact when none is open or inside `artifact`.
   */
  private marked(operators: string, into?: StructElement) {
    const element = into ?? this.open_.at(-1);
    if (!element || this.artifactDepth > 0) {
      this.content.push(`/Artifact BMC ${operators} EMC`);
      return;
    }
    const page = this.currentPageId();
    const mcid = this.pageParents.length;
    this.pageParents.push(element.id);
    element.page ??= page;
    element.kids.push(
      element.page === page ? String(mcid) : `<</Type /MCR /Pg ${page} 0 R /MCID ${mcid}>>`,
    );
    this.content.push(`/${element.tag} <</MCID ${mcid}>> BDC ${operators} EMC`);
  }

  /** Draws what `draw` draws as artifacts: page furniture a reader skips (footers, rules). */
  artifact(draw: () => void) {
    this.artifactDepth++;
    try {
      draw();
    } finally {
      this.artifactDepth--;
    }
  }

  /**
   * Opens a structure element inside the innermost open one (or the document); what is drawn
   * until `close` is its content. `attributes` is a PDF dictionary's inside, e.g. a header cell's
   * `/O /Table /Scope /Row`.
   */
  open(tag: StructTag, attributes = "") {
    this.open_.push(this.element(tag, attributes) as StructElement);
  }

  /** Closes the innermost open structure element and writes it. */
  close() {
    const element = this.open_.pop();
    if (!element) throw new Error("no structure element is open");
    this.finish(element);
  }

  /**
   * A structure element inside the innermost open one, filled by passing it to `text` rather
   * than by opening it: a table row's header and data cells, drawn line by line side by side.
   * `finish` writes it.
   */
  element(tag: StructTag, attributes = ""): StructHandle {
    const parent = this.open_.at(-1);
    const element: StructElement = {
      id: this.allocate(),
      tag,
      parent: parent?.id ?? this.documentId,
      attributes,
      kids: [],
    };
    (parent?.kids ?? this.documentKids).push(`${element.id} 0 R`);
    return element;
  }

  /** Writes an element made by `element`, once all its content is drawn. */
  finish(handle: StructHandle) {
    const element = handle as StructElement;
    this.compressedObject(
      element.id,
      `<</S /${element.tag} /P ${element.parent} 0 R` +
        (element.page === undefined ? "" : ` /Pg ${element.page} 0 R`) +
        (element.attributes ? ` /A ${this.attributeObject(element.attributes)} 0 R` : "") +
        ` /K [${element.kids.join(" ")}]>>`,
    );
  }

  /** One object per distinct attribute dictionary, shared by every element that has it. */
  private attributeObject(attributes: string): number {
    let id = this.attributeIds.get(attributes);
    if (id === undefined) {
      id = this.allocate();
      this.attributeIds.set(attributes, id);
      this.compressedObject(id, `<<${attributes}>>`);
    }
    return id;
  }

  /** The tag of the innermost open structure element, if any. */
  get openTag(): StructTag | undefined {
    return this.open_.at(-1)?.tag;
  }

  private currentPageId(): number {
    return (this.pageId ??= this.allocate());
  }

  /** An object without a stream, written into the next compressed object stream. */
  private compressedObject(id: number, body: string) {
    this.pendingObjects.push({ id, body });
    if (this.pendingObjects.length >= OBJECTS_PER_STREAM) this.writeObjectStream();
  }

  private writeObjectStream() {
    if (this.pendingObjects.length === 0) return;
    const streamId = this.allocate();
    const header: string[] = [];
    let bodies = "";
    this.pendingObjects.forEach(({ id, body }, index) => {
      header.push(`${id} ${bodies.length}`);
      bodies += `${body}\n`;
      this.streamOf[id] = streamId;
      this.indexInStream[id] = index;
    });
    const head = `${header.join(" ")}\n`;
    this.stream(
      streamId,
      `/Type /ObjStm /N ${this.pendingObjects.length} /First ${Buffer.byteLength(head, "latin1")} /Filter /FlateDecode`,
      deflateSync(Buffer.from(head + bodies, "latin1"), { level: 6 }),
    );
    this.pendingObjects = [];
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
    // A form drawn inside marked content belongs to it (§14.7.4.3): the number is read in place.
    this.marked(`q 1 0 0 1 ${num(x)} ${num(PAGE.height - y)} cm /${d.name} Do Q`);
    this.pageDeferreds.add(d);
  }

  /** A horizontal rule at y from the top: always an artifact. */
  rule(x1: number, x2: number, y: number, gray = 0.6) {
    const at = num(PAGE.height - y);
    this.content.push(
      `/Artifact BMC ${num(gray)} G 0.5 w ${num(x1)} ${at} m ${num(x2)} ${at} l S EMC`,
    );
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
    const pageId = this.currentPageId();
    this.pageId = undefined;
    // The page's entry in the parent tree: for each MCID, the element it belongs to.
    const parentsId = this.allocate();
    this.compressedObject(parentsId, `[${this.pageParents.map((id) => `${id} 0 R`).join(" ")}]`);
    this.pageParents = [];
    const key = this.pageIds.length;
    this.parentTree.push(`${key} ${parentsId} 0 R`);
    this.object(
      pageId,
      `<</Type /Page /Parent ${this.pagesId} 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] ` +
        `/Resources <</Font <</F1 ${this.fontId} 0 R>>${xobjects ? ` /XObject <<${xobjects}>>` : ""}>> ` +
        `/Contents ${contentId} 0 R /StructParents ${key} /Tabs /S>>`,
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

  /** Ends the document: the last page, the font, the structure tree and the cross-references. */
  async end(meta: { title: string; lang: string; createdAt: Date }) {
    while (this.open_.length > 0) this.close();
    if (this.content.length > 0 || this.pageIds.length === 0) this.endPage();
    this.writeDeferreds();
    this.embedFont();
    this.object(
      this.pagesId,
      `<</Type /Pages /Kids [${this.pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${this.pageIds.length}>>`,
    );
    this.compressedObject(
      this.documentId,
      `<</Type /StructElem /S /Document /P ${this.structRootId} 0 R /K [${this.documentKids.join(" ")}]>>`,
    );
    const parentTreeId = this.allocate();
    this.compressedObject(parentTreeId, `<</Nums [${this.parentTree.join(" ")}]>>`);
    this.compressedObject(
      this.structRootId,
      `<</Type /StructTreeRoot /K [${this.documentId} 0 R] /ParentTree ${parentTreeId} 0 R ` +
        `/ParentTreeNextKey ${this.pageIds.length}>>`,
    );
    this.writeObjectStream();
    this.object(
      this.catalogId,
      `<</Type /Catalog /Pages ${this.pagesId} 0 R /Lang (${meta.lang}) ` +
        `/MarkInfo <</Marked true>> /StructTreeRoot ${this.structRootId} 0 R ` +
        `/ViewerPreferences <</DisplayDocTitle true>>>>`,
    );
    const stamp = meta.createdAt.toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const infoId = this.allocate();
    this.object(
      infoId,
      `<</Title ${textString(meta.title)} /Producer (DSAR portal) /CreationDate (D:${stamp}Z)>>`,
    );
    // The cross-reference stream: per object, type 1 (offset) or 2 (object stream, index).
    const xrefId = this.allocate();
    this.offsets[xrefId] = this.offset;
    // Each row after a PNG "up" filter byte (§7.4.4.4): the rows differ little, so they deflate well.
    const rows = Buffer.alloc(this.nextId * 8);
    rows.writeUInt16BE(0xffff, 6); // object 0: the head of the free list
    for (let id = 1; id < this.nextId; id++) {
      const at = id * 8 + 1;
      const inStream = this.streamOf[id];
      if (inStream !== undefined) {
        rows.writeUInt8(2, at);
        rows.writeUInt32BE(inStream, at + 1);
        rows.writeUInt16BE(this.indexInStream[id]!, at + 5);
      } else if (this.offsets[id] !== undefined) {
        rows.writeUInt8(1, at);
        rows.writeUInt32BE(this.offsets[id]!, at + 1);
      }
    }
    for (let at = rows.length - 8; at >= 0; at -= 8) {
      rows[at] = 2;
      if (at > 0)
        for (let i = 1; i < 8; i++) rows[at + i] = (rows[at + i]! - rows[at + i - 8]!) & 0xff;
    }
    const xref = this.offset;
    this.stream(
      xrefId,
      `/Type /XRef /Size ${this.nextId} /W [1 4 2] /Root ${this.catalogId} 0 R /Info ${infoId} 0 R ` +
        `/Filter /FlateDecode /DecodeParms <</Predictor 12 /Columns 7>>`,
      deflateSync(rows),
    );
    this.queue(`startxref\n${xref}\n%%EOF\n`);
    await this.flush();
  }
}
