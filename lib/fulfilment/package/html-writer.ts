import { formatDateTime, formatDateWithEra } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

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

// The readable package as one self-contained HTML file (no scripts, no external resources; a
// Content-Security-Policy forbids both should the file be opened from a browser): the
// supplementary information first, then the items by category, then what was withheld and why.
// Every value is escaped: item values come from the organisation's systems, not from us.

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const STYLE = `body{font-family:"Noto Sans JP","Hiragino Sans","Yu Gothic",system-ui,sans-serif;line-height:1.6;margin:0;color:#1a1a1a;background:#fff}
main{max-width:60rem;margin:0 auto;padding:1.5rem}h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:2px solid #2c4a7a;padding-bottom:.25rem}
table{border-collapse:collapse;width:100%;margin:.75rem 0;font-size:.9rem}caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border:1px solid #b8c2cf;padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:#eef2f7}
small{color:#4a4f57}dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:bold}dd{margin:0}
.gaps{border:2px solid #a35a00;background:#fff7ec;padding:0 1rem .5rem;margin:1rem 0}
.letter{border-bottom:2px solid #2c4a7a;padding-bottom:1rem;margin-bottom:1.5rem}.letter .meta,.letter .from{text-align:right}
.letter .to{font-size:1.2rem;margin:1.5rem 0 1rem}.letter .subject{font-size:1.25rem;font-weight:bold;margin:1.5rem 0 .5rem}
@media print{h2{break-after:avoid}tr{break-inside:avoid}}`;

const SECTIONS = [
  "purposes",
  "sources",
  "recipients",
  "retention",
  "rights",
  "complaint",
  "automated",
  "items",
  "withheld",
] as const;

/** The letter the package opens with: to the person, from the organisation's desk (as the PDF's). */
function coverLetterHtml(head: PackageHead): string {
  const t = head.t;
  const k = "disclosurePackage" as const;
  const org = head.supplement.organisation;
  const from = [org.name, org.department, org.address].filter(Boolean).map(escapeHtml);
  return (
    `<header class="letter">\n` +
    `<p class="meta">${escapeHtml(t(`${k}.doc.issuedOn`))}: ${escapeHtml(formatDateWithEra(head.locale, head.generatedAt))}<br>` +
    `${escapeHtml(t(`${k}.doc.reference`))}: ${escapeHtml(head.reference)}</p>\n` +
    `<p class="to">${escapeHtml(head.addressee ? t(`${k}.doc.salutation`, { name: head.addressee }) : t(`${k}.doc.salutationAnonymous`))}</p>\n` +
    `<p class="from">${from.join("<br>")}</p>\n` +
    `<p class="subject">${escapeHtml(t(`${k}.doc.letterSubject`))}</p>\n` +
    `<p>${escapeHtml(t(`${k}.doc.letterBody`, { organisation: org.name, reference: head.reference }))}</p>\n` +
    `<p><small>${escapeHtml(t(`${k}.doc.contact`))}: ${escapeHtml(org.contact)}</small></p>\n` +
    `</header>\n`
  );
}

function table(caption: string, headers: string[], rows: string[][]): string {
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
  const body = rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`);
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body.join("\n")}</tbody></table>\n`;
}

const list = (lines: string[]) => lines.map(escapeHtml).join("<br>");

function supplementHtml(t: Translate, s: Supplement): string {
  const k = "disclosurePackage" as const;
  const none = `<p>${escapeHtml(t(`${k}.doc.none`))}</p>\n`;
  const section = (id: (typeof SECTIONS)[number], intro: string, body: string) =>
    `<section id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${escapeHtml(t(`${k}.section.${id}`))}</h2>\n<p>${escapeHtml(intro)}</p>\n${body}</section>\n`;
  return [
    section(
      "purposes",
      t(`${k}.purposes.intro`),
      s.purposes.length === 0
        ? none
        : table(
            t(`${k}.section.purposes`),
            [t(`${k}.col.purpose`), t(`${k}.col.description`), t(`${k}.col.categories`)],
            s.purposes.map((p) => [
              escapeHtml(p.name),
              escapeHtml(p.description),
              escapeHtml(p.categories.join(t("transparency.listSeparator"))),
            ]),
          ),
    ),
    section(
      "sources",
      t(`${k}.sources.intro`),
      s.sources.length === 0
        ? none
        : table(
            t(`${k}.section.sources`),
            [t(`${k}.col.category`), t(`${k}.col.source`), t(`${k}.col.sourceNote`)],
            s.sources.flatMap((c) =>
              c.ways.map((w) => [
                escapeHtml(c.category),
                escapeHtml(sourceLabel(t, w.source)),
                list(w.notes),
              ]),
            ),
          ),
    ),
    section(
      "recipients",
      t(`${k}.recipients.intro`),
      s.recipients.length === 0
        ? none
        : table(
            t(`${k}.section.recipients`),
            [
              t(`${k}.col.recipient`),
              t(`${k}.col.recipientClass`),
              t(`${k}.col.count`),
              t(`${k}.col.period`),
              t(`${k}.col.country`),
            ],
            s.recipients.map((r) => [
              escapeHtml(r.name),
              escapeHtml(recipientClassLabel(t, r.recipientClass)),
              String(r.count),
              escapeHtml(t(`${k}.recipients.period`, { from: jstDay(r.from), to: jstDay(r.to) })),
              r.foreign
                ? `${escapeHtml(r.foreign.countryName)}<br><small>${escapeHtml(t(`${k}.col.regime`))}: ${escapeHtml(r.foreign.regime)}<br>${escapeHtml(t(`${k}.col.measures`))}: ${escapeHtml(r.foreign.measures)}${safeguardLine(t, r.foreign) ? `<br>${escapeHtml(safeguardLine(t, r.foreign)!)}` : ""}</small>`
                : "",
            ]),
          ),
    ),
    section(
      "retention",
      t(`${k}.retention.intro`),
      s.retention.length === 0
        ? none
        : table(
            t(`${k}.section.retention`),
            [t(`${k}.col.category`), t(`${k}.col.retainUntil`), t(`${k}.col.legalHold`)],
            s.retention.map((r) => [
              escapeHtml(r.category),
              list([
                ...(r.untilPurpose ? [t(`${k}.retention.untilPurpose`)] : []),
                ...(r.until ? [t(`${k}.retention.until`, { date: jstDay(r.until) })] : []),
              ]),
              list(r.legalHolds),
            ]),
          ),
    ),
    section(
      "rights",
      t(`${k}.rights.intro`),
      `<dl>${rightsList(t)
        .map((r) => `<dt>${escapeHtml(r.name)}</dt><dd>${escapeHtml(r.help)}</dd>`)
        .join("")}</dl>\n<p>${escapeHtml(t(`${k}.rights.how`))}</p>\n<p>${escapeHtml(
        t(`${k}.rights.contact`, { contact: s.organisation.contact }),
      )}</p>\n`,
    ),
    section(
      "complaint",
      t(`${k}.complaint.intro`),
      `<ul>${s.complaint
        .map(
          (a) =>
            `<li>${escapeHtml(a.name)}${a.contact ? ` (${escapeHtml(a.contact)})` : ""} ${escapeHtml(a.url)}</li>`,
        )
        .join("")}</ul>\n`,
    ),
    s.automatedDecisions === null
      ? ""
      : section(
          "automated",
          t(`${k}.automated.intro`),
          `<p>${escapeHtml(s.automatedDecisions)}</p>\n`,
        ),
  ].join("");
}

/** Before everything else: which systems' data could not be gathered. */
function gapsHtml(t: Translate, gaps: PackageHead["gaps"]): string {
  if (gaps.length === 0) return "";
  const k = "disclosurePackage" as const;
  const lines = gapLines(t, gaps).map((line) => `<li>${escapeHtml(line)}</li>`);
  return `<section id="gaps" class="gaps" aria-labelledby="gaps-title"><h2 id="gaps-title">${escapeHtml(t(`${k}.gaps.title`))}</h2>\n<p>${escapeHtml(t(`${k}.gaps.intro`))}</p>\n<ul>${lines.join("")}</ul></section>\n`;
}

export function createHtmlWriter(sink: ByteSink): PackageWriter {
  let t: Translate = (key) => key;
  let category: string | null = null;
  let categoryIndex = 0;
  const labels = new Map<string, string>();
  const label = (source: string) => {
    let text = labels.get(source);
    if (text === undefined) labels.set(source, (text = escapeHtml(sourceLabel(t, source))));
    return text;
  };
  const k = "disclosurePackage" as const;
  const closeTable = "</tbody></table>\n";
  return {
    async begin(head) {
      t = head.t;
      const title = `${t(`${k}.doc.title`)} ${head.reference}`;
      const toc = SECTIONS.filter(
        (id) => id !== "automated" || head.supplement.automatedDecisions !== null,
      )
        .map((id) => `<li><a href="#${id}">${escapeHtml(t(`${k}.section.${id}`))}</a></li>`)
        .join("");
      await sink.write(
        `<!doctype html>\n<html lang="${head.locale}">\n<head>\n<meta charset="utf-8">\n` +
          `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
          `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
          `<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<main>\n` +
          coverLetterHtml(head) +
          `<h1>${escapeHtml(t(`${k}.doc.title`))}</h1>\n` +
          `<p>${escapeHtml(t(`${k}.doc.intro`, { organisation: head.supplement.organisation.name }))}</p>\n` +
          `<dl class="facts"><dt>${escapeHtml(t(`${k}.doc.reference`))}</dt><dd>${escapeHtml(head.reference)}</dd>` +
          `<dt>${escapeHtml(t(`${k}.doc.generatedAt`))}</dt><dd>${escapeHtml(formatDateTime(head.locale, head.generatedAt))}</dd></dl>\n` +
          gapsHtml(t, head.gaps) +
          `<nav aria-labelledby="toc-title"><h2 id="toc-title">${escapeHtml(t(`${k}.doc.contents`))}</h2><ol>${toc}</ol></nav>\n` +
          supplementHtml(t, head.supplement) +
          `<section id="items" aria-labelledby="items-title"><h2 id="items-title">${escapeHtml(t(`${k}.section.items`))}</h2>\n`,
      );
    },
    async items(batch: readonly PackageItem[]) {
      if (batch.length === 0) return;
      let text = "";
      for (const item of batch) {
        if (item.category !== category) {
          if (category !== null) text += closeTable;
          category = item.category;
          categoryIndex += 1;
          text +=
            `<h3 id="category-${categoryIndex}">${escapeHtml(item.category)}</h3>\n<table><thead><tr>` +
            [
              t(`${k}.col.field`),
              t(`${k}.col.value`),
              t(`${k}.col.system`),
              t(`${k}.col.source`),
              t(`${k}.col.collectedAt`),
            ]
              .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
              .join("") +
            "</tr></thead><tbody>\n";
        }
        const note = item.sourceNote ? `<br><small>${escapeHtml(item.sourceNote)}</small>` : "";
        text += `<tr><td>${escapeHtml(item.fieldLabel)}</td><td>${escapeHtml(item.value)}</td><td>${escapeHtml(item.system)}</td><td>${label(item.source)}${note}</td><td>${jstDay(item.collectedAt)}</td></tr>\n`;
      }
      await sink.write(text);
    },
    async end(tail: PackageTail) {
      let text = category !== null ? closeTable : `<p>${escapeHtml(t(`${k}.doc.none`))}</p>\n`;
      text += `<p><strong>${escapeHtml(t(`${k}.doc.itemCount`))}: ${tail.itemCount}</strong></p>\n</section>\n`;
      text += `<section id="withheld" aria-labelledby="withheld-title"><h2 id="withheld-title">${escapeHtml(t(`${k}.section.withheld`))}</h2>\n`;
      if (tail.withheld.length > 0) {
        text += `<p>${escapeHtml(t(`${k}.withheld.intro`))}</p>\n`;
        text += table(
          t(`${k}.section.withheld`),
          [t(`${k}.col.category`), t(`${k}.col.system`), t(`${k}.col.field`), t(`${k}.col.reason`)],
          tail.withheld.map((w) => [w.category, w.system, w.field, w.reason].map(escapeHtml)),
        );
      } else {
        text += `<p>${escapeHtml(t(`${k}.doc.none`))}</p>\n`;
      }
      if (tail.neverIncluded.count > 0)
        text += `<p>${escapeHtml(t(`${k}.withheld.neverIncluded`, { count: tail.neverIncluded.count }))}</p>\n`;
      await sink.write(`${text}</section>\n</main>\n</body>\n</html>\n`);
    },
  };
}
