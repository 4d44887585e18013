import { formatDateTime, formatDateWithEra } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

import { charWidth } from "./pdf/font";
import { breakLines } from "./pdf/line-break";
import { type Deferred, PAGE, PdfFile, type StructTag, textWidth } from "./pdf/pdf-file";
import {
  gapLines,
  jstDay,
  recipientClassLabel,
  rightsList,
  safeguardLine,
  sourceLabel,
} from "./present";
import type {
  ByteSink,
  PackageHead,
  PackageItem,
  PackageTail,
  PackageWriter,
  Supplement,
} from "./types";

// The readable package as a PDF (the method APPI Art.33(1) calls "delivery of a document" when
// printed for the post): a cover letter addressed to the person from the organisation's desk with
// the contents (each section's page), the supplementary information, then each item as a row of
// field and content with where it came from, then what was withheld; "page N of M" on every page.
// Laid out as the items arrive; each full page is written out at once, the page numbers the
// contents and footers need being filled in at the end (pdf/pdf-file.ts, Deferred).

const MARGIN = 50;
const TOP = 56;
const BOTTOM = PAGE.height - 56;
const WIDTH = PAGE.width - 2 * MARGIN;
const FIELD_WIDTH = 140;
const VALUE_X = MARGIN + FIELD_WIDTH + 10;
const VALUE_WIDTH = WIDTH - FIELD_WIDTH - 10;

const BODY = 9;
const LINE = 13;
const META = 7;
const META_LINE = 10;

class Flow {
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

type SectionId =
  | "gaps"
  | "purposes"
  | "sources"
  | "recipients"
  | "retention"
  | "rights"
  | "complaint"
  | "automated"
  | "items"
  | "withheld";

/** The contents: each section's page number, written on the cover when the section begins. */
type Contents = Map<SectionId, Deferred>;

function section(flow: Flow, contents: Contents, id: SectionId, title: string) {
  flow.heading(title, 2);
  const entry = contents.get(id);
  if (entry) entry.value = String(flow.page);
}

function supplement(flow: Flow, t: Translate, s: Supplement, contents: Contents) {
  const k = "disclosurePackage" as const;
  const none = () => flow.paragraph(t(`${k}.doc.none`));
  const sep = t("transparency.listSeparator");

  section(flow, contents, "purposes", t(`${k}.section.purposes`));
  flow.paragraph(t(`${k}.purposes.intro`));
  if (s.purposes.length === 0) none();
  for (const p of s.purposes) {
    flow.heading(p.name, 3);
    if (p.description) flow.paragraph(p.description);
    flow.paragraph(`${t(`${k}.col.categories`)}: ${p.categories.join(sep)}`, {
      size: 8,
      gray: 0.35,
    });
  }

  section(flow, contents, "sources", t(`${k}.section.sources`));
  flow.paragraph(t(`${k}.sources.intro`));
  if (s.sources.length === 0) none();
  for (const c of s.sources) {
    flow.heading(c.category, 3);
    for (const way of c.ways) {
      flow.paragraph(sourceLabel(t, way.source), { indent: 8 });
      for (const note of way.notes) flow.paragraph(note, { size: 8, gray: 0.35, indent: 20 });
    }
  }

  section(flow, contents, "recipients", t(`${k}.section.recipients`));
  flow.paragraph(t(`${k}.recipients.intro`));
  if (s.recipients.length === 0) none();
  for (const r of s.recipients) {
    flow.heading(`${r.name}（${recipientClassLabel(t, r.recipientClass)}）`, 3);
    flow.paragraph(
      `${t(`${k}.col.count`)}: ${r.count} / ${t(`${k}.col.period`)}: ${t(`${k}.recipients.period`, {
        from: jstDay(r.from),
        to: jstDay(r.to),
      })}`,
      { indent: 8 },
    );
    if (r.foreign) {
      flow.paragraph(`${t(`${k}.col.country`)}: ${r.foreign.countryName}`, { indent: 8 });
      flow.paragraph(`${t(`${k}.col.regime`)}: ${r.foreign.regime}`, { indent: 8, size: 8 });
      flow.paragraph(`${t(`${k}.col.measures`)}: ${r.foreign.measures}`, { indent: 8, size: 8 });
      const safeguard = safeguardLine(t, r.foreign);
      if (safeguard) flow.paragraph(safeguard, { indent: 8, size: 8 });
    }
  }

  section(flow, contents, "retention", t(`${k}.section.retention`));
  flow.paragraph(t(`${k}.retention.intro`));
  if (s.retention.length === 0) none();
  for (const r of s.retention) {
    const until = [
      ...(r.untilPurpose ? [t(`${k}.retention.untilPurpose`)] : []),
      ...(r.until ? [t(`${k}.retention.until`, { date: jstDay(r.until) })] : []),
    ].join(sep);
    flow.paragraph(`${r.category}: ${until}`);
    for (const hold of r.legalHolds)
      flow.paragraph(`${t(`${k}.col.legalHold`)}: ${hold}`, { size: 8, gray: 0.35, indent: 12 });
  }

  section(flow, contents, "rights", t(`${k}.section.rights`));
  flow.paragraph(t(`${k}.rights.intro`));
  for (const right of rightsList(t)) {
    flow.paragraph(right.name, { indent: 8 });
    flow.paragraph(right.help, { size: 8, gray: 0.35, indent: 20 });
  }
  flow.paragraph(t(`${k}.rights.how`));
  flow.paragraph(t(`${k}.rights.contact`, { contact: s.organisation.contact }));

  section(flow, contents, "complaint", t(`${k}.section.complaint`));
  flow.paragraph(t(`${k}.complaint.intro`));
  for (const a of s.complaint) {
    flow.paragraph(a.contact ? `${a.name} (${a.contact})` : a.name, { indent: 8 });
    flow.paragraph(a.url, { size: 8, gray: 0.35, indent: 20 });
  }
  if (s.automatedDecisions !== null) {
    section(flow, contents, "automated", t(`${k}.section.automated`));
    flow.paragraph(t(`${k}.automated.intro`));
    flow.paragraph(s.automatedDecisions);
  }
}

/**
 * The first page: a letter to the person from the organisation's desk (date and reference on the
 * right, the addressee, the letterhead, the subject, why this document comes), then its contents
 * with each section's page.
 */
function coverLetter(flow: Flow, head: PackageHead, sections: SectionId[]): Contents {
  const t = head.t;
  const k = "disclosurePackage" as const;
  const org = head.supplement.organisation;
  flow.right(
    `${t(`${k}.doc.issuedOn`)}: ${formatDateWithEra(head.locale, head.generatedAt)}`,
    BODY,
  );
  flow.right(`${t(`${k}.doc.reference`)}: ${head.reference}`, BODY);
  flow.y += 18;
  flow.paragraph(
    head.addressee
      ? t(`${k}.doc.salutation`, { name: head.addressee })
      : t(`${k}.doc.salutationAnonymous`),
    { size: 12 },
  );
  flow.y += 10;
  for (const line of [org.name, org.department, org.address].filter(Boolean))
    flow.right(line, BODY);
  flow.y += 24;
  // The letter's subject heads the outline, the contents under it (drawn smaller).
  flow.heading(t(`${k}.doc.letterSubject`), 2, "H1");
  flow.paragraph(t(`${k}.doc.letterBody`, { organisation: org.name, reference: head.reference }), {
    size: 10,
  });
  flow.paragraph(`${t(`${k}.doc.contact`)}: ${org.contact}`, { size: 9, gray: 0.3 });
  flow.y += 12;
  flow.heading(t(`${k}.doc.contents`), 3, "H2");
  const contents: Contents = new Map();
  flow.pdf.open("TOC");
  sections.forEach((id, i) => {
    const title = id === "gaps" ? t(`${k}.gaps.title`) : t(`${k}.section.${id}`);
    flow.ensure(LINE + 4);
    flow.y += LINE + 4;
    flow.pdf.open("TOCI");
    flow.pdf.text(MARGIN + 8, flow.y, 10, `${i + 1}. ${title}`);
    const page = flow.pdf.deferred(10, { align: "right" });
    flow.pdf.drawDeferred(PAGE.width - MARGIN, flow.y, page);
    flow.pdf.close();
    contents.set(id, page);
  });
  flow.pdf.close();
  return contents;
}

export function createPdfWriter(sink: ByteSink): PackageWriter {
  const pdf = new PdfFile(sink);
  let flow: Flow | undefined;
  let t: Translate = (key) => key;
  let title = "";
  let lang = "ja-JP";
  let createdAt = new Date();
  let category: string | null = null;
  let contents: Contents = new Map();
  const labels = new Map<string, string>();
  const k = "disclosurePackage" as const;
  return {
    async begin(head) {
      t = head.t;
      title = `${t(`${k}.doc.title`)} ${head.reference}`;
      lang = head.locale === "ja" ? "ja-JP" : "en-GB";
      createdAt = head.generatedAt;
      flow = new Flow(pdf, (page) => `${head.reference} — ${t(`${k}.doc.pageOf`, { page })}`);
      const sections: SectionId[] = [
        ...(head.gaps.length > 0 ? (["gaps"] as const) : []),
        "purposes",
        "sources",
        "recipients",
        "retention",
        "rights",
        "complaint",
        ...(head.supplement.automatedDecisions !== null ? (["automated"] as const) : []),
        "items",
        "withheld",
      ];
      contents = coverLetter(flow, head, sections);
      flow.newPage();
      flow.heading(t(`${k}.doc.title`), 1);
      flow.paragraph(t(`${k}.doc.intro`, { organisation: head.supplement.organisation.name }));
      flow.paragraph(
        `${t(`${k}.doc.generatedAt`)}: ${formatDateTime(head.locale, head.generatedAt)}`,
      );
      if (head.gaps.length > 0) {
        section(flow, contents, "gaps", t(`${k}.gaps.title`));
        flow.paragraph(t(`${k}.gaps.intro`));
        for (const line of gapLines(t, head.gaps)) flow.paragraph(line, { indent: 8 });
      }
      supplement(flow, t, head.supplement, contents);
      flow.newPage();
      section(flow, contents, "items", t(`${k}.section.items`));
      await pdf.flush();
    },
    async items(batch: readonly PackageItem[]) {
      if (!flow) throw new Error("PDF writer not begun");
      for (const item of batch) {
        if (item.category !== category) {
          category = item.category;
          flow.endTable();
          flow.runningHead("");
          flow.heading(item.category, 3);
          flow.runningHead(`${item.category} ${t(`${k}.doc.continued`)}`);
          flow.table();
        }
        let source = labels.get(item.source);
        if (source === undefined) labels.set(item.source, (source = sourceLabel(t, item.source)));
        const meta = [item.system, source, item.sourceNote, jstDay(item.collectedAt)]
          .filter(Boolean)
          .join(" · ");
        flow.row(item.fieldLabel, item.value, meta);
      }
      await pdf.flush();
    },
    async end(tail: PackageTail) {
      if (!flow) throw new Error("PDF writer not begun");
      flow.endTable();
      flow.runningHead("");
      if (category === null) flow.paragraph(t(`${k}.doc.none`));
      flow.paragraph(`${t(`${k}.doc.itemCount`)}: ${tail.itemCount}`, { size: 10 });
      section(flow, contents, "withheld", t(`${k}.section.withheld`));
      if (tail.withheld.length === 0) flow.paragraph(t(`${k}.doc.none`));
      else flow.paragraph(t(`${k}.withheld.intro`));
      if (tail.withheld.length > 0) flow.table();
      for (const w of tail.withheld)
        flow.row(w.field, `${t(`${k}.col.reason`)}: ${w.reason}`, `${w.category} · ${w.system}`);
      flow.endTable();
      if (tail.neverIncluded.count > 0)
        flow.paragraph(t(`${k}.withheld.neverIncluded`, { count: tail.neverIncluded.count }));
      flow.drawFooter();
      flow.total.value = String(flow.page);
      await pdf.end({ title, lang, createdAt });
    },
  };
}
