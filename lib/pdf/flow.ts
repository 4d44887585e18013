import { charWidth } from "./font";
import { breakLines } from "./line-break";
import { type Deferred, PAGE, type PdfFile, type StructTag, textWidth } from "./pdf-file";

// A4 text flowing down pages for the documents the portal issues (the disclosure package, the
// letters): margins, headings, paragraphs, rows of field and content, a footer with "page N of M"
// on every page, and each part tagged for screen readers (pdf-file.ts).

export const MARGIN = 50;
export const TOP = 56;
export const BOTTOM = PAGE.height - 56;
export const WIDTH = PAGE.width - 2 * MARGIN;
export const FIELD_WIDTH = 140;
export const VALUE_X = MARGIN + FIELD_WIDTH + 10;
export const VALUE_WIDTH = WIDTH - FIELD_WIDTH - 10;

export const BODY = 9;
export const LINE = 13;
export const META = 7;
export const META_LINE = 10;

export class Flow {
  y = TOP;
  private running = "";
  /** The number of pages, known at the end: "page N of M". */
  readonly total: Deferred;

  constructor(
    readonly pdf: PdfFile,
    private readonly footer: (page: number) => string,
  ) {
    this.total = pdf.deferred(META, { gray: 0.4 });
  }

  /** The page being laid out (1-based). */
  get page(): number {
    return this.pdf.pageCount + 1;
  }

  lines(text: string, size: number, width: number): string[] {
    return breakLines(text, (width * 1000) / size, charWidth);
  }

  /** Starts a new page when `height` does not fit on this one. */
  ensure(height: number) {
    if (this.y + height > BOTTOM && this.y > TOP) this.newPage();
  }

  /** The current page's footer: the reference and "page N of M" (page furniture: an artifact). */
  drawFooter() {
    this.pdf.artifact(() => {
      this.pdf.rule(MARGIN, PAGE.width - MARGIN, BOTTOM + 10, 0.75);
      const text = this.footer(this.page);
      this.pdf.text(MARGIN, BOTTOM + 24, META, text, 0.4);
      this.pdf.drawDeferred(MARGIN + textWidth(text, META), BOTTOM + 24, this.total);
    });
  }

  /** A line set flush right, ending at the right margin: a paragraph of its own. */
  right(text: string, size: number) {
    this.y += size * 1.5;
    this.pdf.open("P");
    this.pdf.text(PAGE.width - MARGIN - textWidth(text, size), this.y, size, text);
    this.pdf.close();
  }

  newPage() {
    this.drawFooter();
    this.pdf.endPage();
    this.y = TOP;
    // A heading carried over to the next page, so a reader never has to turn back for it.
    if (this.running) {
      this.pdf.artifact(() => this.pdf.text(MARGIN, this.y + 9, 9, this.running, 0.45));
      this.y += 18;
    }
  }

  /** Sets (or clears) the heading repeated at the top of the following pages. */
  runningHead(text: string) {
    this.running = text;
  }

  /** A heading drawn at `level`'s size; `tag` when its place in the outline differs. */
  heading(text: string, level: 1 | 2 | 3, tag: StructTag = `H${level}`) {
    const size = level === 1 ? 18 : level === 2 ? 13 : 11;
    const lines = this.lines(text, size, WIDTH);
    const before = level === 1 ? 0 : level === 2 ? 16 : 10;
    this.ensure(before + lines.length * size * 1.5 + LINE * 2);
    this.y += before;
    this.pdf.open(tag);
    for (const line of lines) {
      this.y += size * 1.4;
      this.pdf.text(MARGIN, this.y, size, line, level === 3 ? 0.15 : 0);
    }
    this.pdf.close();
    if (level === 2) this.pdf.rule(MARGIN, PAGE.width - MARGIN, this.y + 5, 0.3);
    this.y += level === 2 ? 10 : 6;
  }

  paragraph(text: string, options: { size?: number; gray?: number; indent?: number } = {}) {
    const size = options.size ?? BODY;
    const indent = options.indent ?? 0;
    const height = size * 1.45;
    this.pdf.open("P");
    for (const line of this.lines(text, size, WIDTH - indent)) {
      this.ensure(height);
      this.y += height;
      this.pdf.text(MARGIN + indent, this.y, size, line, options.gray ?? 0);
    }
    this.pdf.close();
    this.y += 3;
  }

  /**
   * One item as a table row: the field on the left (the row's header cell), the content on the
   * right with its origin in small print below (its data cell). Inside a `table`.
   */
  row(field: string, value: string, meta: string) {
    const fieldLines = this.lines(field, BODY, FIELD_WIDTH);
    const valueLines = this.lines(value, BODY, VALUE_WIDTH);
    const metaLines = this.lines(meta, META, VALUE_WIDTH);
    const count = Math.max(fieldLines.length, valueLines.length);
    const height = count * LINE + metaLines.length * META_LINE + 5;
    this.ensure(Math.min(height, BOTTOM - TOP - 40));
    this.pdf.open("TR");
    const th = this.pdf.element("TH", "/O /Table /Scope /Row");
    const td = this.pdf.element("TD");
    for (let i = 0; i < count; i++) {
      // Only a value longer than a whole page is split across pages.
      if (this.y + LINE > BOTTOM) this.newPage();
      this.y += LINE;
      const f = fieldLines[i];
      const v = valueLines[i];
      if (f) this.pdf.text(MARGIN, this.y, BODY, f, 0.3, th);
      if (v) this.pdf.text(VALUE_X, this.y, BODY, v, 0, td);
    }
    for (const line of metaLines) {
      this.y += META_LINE;
      this.pdf.text(VALUE_X, this.y, META, line, 0.45, td);
    }
    this.pdf.finish(th);
    this.pdf.finish(td);
    this.pdf.close();
    this.y += 5;
  }

  /** Starts a table of rows (closing one left open); `endTable` closes it. */
  table() {
    this.endTable();
    this.pdf.open("Table");
  }

  endTable() {
    if (this.pdf.openTag === "Table") this.pdf.close();
  }
}
