import { BODY, type Flow } from "./flow";

/** The head of a letter from the organisation, every line already in the reader's language. */
export interface LetterHead {
  /** "発行日: 2026年4月1日（令和8年）", set flush right with the reference below it. */
  issuedOn: string;
  reference: string;
  /** "佐藤 花子 様" */
  salutation: string;
  /** The sender: organisation, department, address (blank lines dropped). */
  from: string[];
  subject: string;
  body: string[];
  /** "お問い合わせ先: …", after the body; a letter with more to say puts it at its end. */
  contact?: string;
}

/**
 * A Japanese business letter's head, as the disclosure package's cover and every outcome letter
 * open: date and reference on the right, the addressee, the sender on the right, the subject (the
 * document's first heading), the body and where to ask.
 */
export function drawLetterHead(flow: Flow, head: LetterHead) {
  flow.right(head.issuedOn, BODY);
  flow.right(head.reference, BODY);
  flow.y += 18;
  flow.paragraph(head.salutation, { size: 12 });
  flow.y += 10;
  for (const line of head.from.filter(Boolean)) flow.right(line, BODY);
  flow.y += 24;
  // The subject heads the outline (H1), drawn at a second level's size.
  flow.heading(head.subject, 2, "H1");
  for (const paragraph of head.body) flow.paragraph(paragraph, { size: 10 });
  if (head.contact) flow.paragraph(head.contact, { size: 9, gray: 0.3 });
}
