import { formatDateTime, formatDateWithEra } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

import { Flow, LINE, MARGIN } from "@/lib/pdf/flow";
import { drawLetterHead } from "@/lib/pdf/letter-head";
import { type Deferred, PAGE, PdfFile } from "@/lib/pdf/pdf-file";
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
  drawLetterHead(flow, {
    issuedOn: `${t(`${k}.doc.issuedOn`)}: ${formatDateWithEra(head.locale, head.generatedAt)}`,
    reference: `${t(`${k}.doc.reference`)}: ${head.reference}`,
    salutation: head.addressee
      ? t(`${k}.doc.salutation`, { name: head.addressee })
      : t(`${k}.doc.salutationAnonymous`),
    from: [org.name, org.department, org.address],
    subject: t(`${k}.doc.letterSubject`),
    body: [t(`${k}.doc.letterBody`, { organisation: org.name, reference: head.reference })],
    contact: `${t(`${k}.doc.contact`)}: ${org.contact}`,
  });
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
