import type { Locale } from "@/lib/i18n/config";
import { formatDateWithEra } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { Flow } from "@/lib/pdf/flow";
import { drawLetterHead } from "@/lib/pdf/letter-head";
import { PdfFile, type ByteSink } from "@/lib/pdf/pdf-file";

import type { LetterText } from "./letters";

/** Who signs a letter: the organisation's desk, in the reader's language. */
export interface LetterSender {
  name: string;
  department: string;
  address: string;
  contact: string;
}

/**
 * One letter on A4, tagged for screen readers: the letter head (date, reference, addressee 様,
 * the desk), the subject and body, each titled list, where to complain, and "page N of M".
 */
export async function writeLetterPdf(
  sink: ByteSink,
  letter: {
    locale: Locale;
    t: Translate;
    reference: string;
    addressee: string | null;
    sender: LetterSender;
    text: LetterText;
    /** The reader's time zone, for the date of issue. */
    zone: string;
  },
) {
  const { locale, t, reference, sender, text, zone } = letter;
  const pdf = new PdfFile(sink);
  const flow = new Flow(pdf, (page) => `${reference} — ${t("letters.pageOf", { page })}`);
  const [opening, ...rest] = text.paragraphs;
  drawLetterHead(flow, {
    issuedOn: `${t("letters.issuedOnLabel")}: ${formatDateWithEra(locale, text.issuedAt, zone)}`,
    reference: `${t("letters.reference")}: ${reference}`,
    salutation: letter.addressee
      ? t("letters.salutation", { name: letter.addressee })
      : t("letters.salutationAnonymous"),
    from: [sender.name, sender.department, sender.address],
    subject: text.subject,
    body: opening === undefined ? [] : [opening],
  });
  flow.y += 6;
  // The body after its opening; the closing line last, after the lists.
  const closing = rest.at(-1);
  for (const paragraph of rest.slice(0, -1)) flow.paragraph(paragraph, { size: 10 });
  for (const list of text.lists) {
    flow.heading(list.title, 3, "H2");
    for (const item of list.items) flow.paragraph(`・${item}`, { size: 10, indent: 8 });
  }
  if (text.complaint) {
    flow.heading(text.complaint.title, 3, "H2");
    flow.paragraph(text.complaint.intro, { size: 10 });
    for (const authority of text.complaint.authorities)
      flow.paragraph(`・${authority}`, { size: 10, indent: 8 });
    flow.paragraph(text.complaint.court, { size: 10 });
  }
  flow.y += 8;
  if (closing) flow.paragraph(closing, { size: 10 });
  flow.paragraph(`${t("letters.contact")}: ${sender.contact}`, { size: 9, gray: 0.3 });
  flow.drawFooter();
  flow.total.value = String(flow.page);
  await pdf.end({
    title: `${text.subject} ${reference}`,
    lang: locale === "ja" ? "ja-JP" : "en-GB",
    createdAt: text.issuedAt,
  });
}
