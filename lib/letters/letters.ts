import type {
  Jurisdiction,
  Outcome,
  RefusalGround,
  RequestStatus,
  RequestType,
} from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/config";
import { formatDateWithEra } from "@/lib/i18n/format";
import { isMessageKey, type Translate } from "@/lib/i18n/translate";
import { complaintNoticeDue, type ComplaintAuthority } from "@/lib/requests/complaints";

// The letters a request's requester receives (issue 15): the request for identity documents, the
// notice of an extended deadline, and the answer (done, no data held, disclosed another way,
// partly or wholly refused, identity not verified) with its grounds and where to complain. Pure:
// which letters a request has and what each says, from facts the data layer reads
// (lib/data/letters/open-letter.ts); lib/letters/letter-pdf.ts lays them out on A4.

export const LETTER_KINDS = ["identity", "extension", "outcome"] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const isLetterKind = (value: string): value is LetterKind =>
  (LETTER_KINDS as readonly string[]).includes(value);

/** What the letters of one request are written from. */
export interface LetterFacts {
  reference: string;
  type: RequestType;
  status: RequestStatus;
  receivedAt: Date;
  closedAt: Date | null;
  outcome: Outcome | null;
  refusalGrounds: RefusalGround[];
  outcomeNote: string | null;
  /** The latest extension granted, if any. */
  extension: { jurisdiction: Jurisdiction; reason: string; newDueAt: Date; at: Date } | null;
  /** The latest request for documents again (review reason codes), if any. */
  resubmission: { reasons: string[]; at: Date } | null;
}

/** The letters a request has, in the order they were issued. */
export function lettersOf(facts: LetterFacts): { kind: LetterKind; issuedAt: Date }[] {
  const letters: { kind: LetterKind; issuedAt: Date }[] = [];
  if (facts.resubmission) letters.push({ kind: "identity", issuedAt: facts.resubmission.at });
  else if (facts.status === "AWAITING_IDENTITY")
    letters.push({ kind: "identity", issuedAt: facts.receivedAt });
  if (facts.extension) letters.push({ kind: "extension", issuedAt: facts.extension.at });
  if (facts.status === "COMPLETED" && facts.outcome && facts.closedAt)
    letters.push({ kind: "outcome", issuedAt: facts.closedAt });
  return letters.sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime());
}

/** One letter's words, in the reader's language; the PDF adds the head and the sender. */
export interface LetterText {
  issuedAt: Date;
  subject: string;
  paragraphs: string[];
  /** Titled lists: the grounds, the reasons, the documents accepted. */
  lists: { title: string; items: string[] }[];
  /** Where to complain, after a refusal of any kind or an extension. */
  complaint: { title: string; intro: string; authorities: string[]; court: string } | null;
}

/** What one letter says; null when the request has no such letter. */
export function letterText(options: {
  kind: LetterKind;
  facts: LetterFacts;
  locale: Locale;
  t: Translate;
  organisation: string;
  authorities: readonly ComplaintAuthority[];
  /** The kinds of identity document, for the request for documents. */
  documentKinds: readonly string[];
  /** The reader's time zone (where they live): a deadline is the day it ends there. */
  zone: string;
}): LetterText | null {
  const { kind, facts, locale, t, organisation, zone } = options;
  const issued = lettersOf(facts).find((l) => l.kind === kind);
  if (!issued) return null;
  const opening = t("letters.opening", {
    organisation,
    receivedOn: formatDateWithEra(locale, facts.receivedAt, zone),
    type: t(`requestType.${facts.type}`),
    reference: facts.reference,
  });
  const closing = t("letters.closing");
  const complaint = (due: boolean): LetterText["complaint"] =>
    due
      ? {
          title: t("letters.complaintTitle"),
          intro: t("complaints.mailHeader"),
          authorities: options.authorities.map((a) => {
            const name = locale === "ja" ? a.nameJa : a.nameEn;
            const contact = locale === "ja" ? a.contactJa : a.contactEn;
            return [name, contact && t("complaints.contact", { contact }), a.url]
              .filter(Boolean)
              .join(" ");
          }),
          court: t("complaints.court"),
        }
      : null;

  if (kind === "identity") {
    const reasons = (facts.resubmission?.reasons ?? []).flatMap((code) => {
      const key = `review.reason.${code}`;
      return isMessageKey(key) ? [t(key)] : [];
    });
    return {
      issuedAt: issued.issuedAt,
      subject: t("letters.subject.identity"),
      paragraphs: [opening, t("letters.body.identity"), t("letters.body.identityHow"), closing],
      lists: [
        ...(reasons.length > 0
          ? [{ title: t("letters.body.identityReasons"), items: reasons }]
          : []),
        {
          title: t("letters.body.identityAccepted"),
          items: options.documentKinds.flatMap((code) => {
            const key = `identity.kind.${code}`;
            return isMessageKey(key) ? [t(key)] : [];
          }),
        },
      ],
      complaint: null,
    };
  }

  if (kind === "extension") {
    const extension = facts.extension!;
    return {
      issuedAt: issued.issuedAt,
      subject: t("letters.subject.extension"),
      paragraphs: [
        opening,
        t("letters.body.extension", {
          newDue: formatDateWithEra(locale, extension.newDueAt, zone),
        }),
        closing,
      ],
      lists: [{ title: t("letters.body.extensionReason"), items: [extension.reason] }],
      complaint: complaint(true),
    };
  }

  const outcome = facts.outcome!;
  const grounds = facts.refusalGrounds.map((g) => t(`decisions.groundLabels.${g}`));
  return {
    issuedAt: issued.issuedAt,
    subject: t(`letters.subject.${outcome}`),
    paragraphs: [
      opening,
      t(`letters.body.${outcome}`),
      ...(facts.type === "DISCLOSURE" &&
      (outcome === "FULFILLED" || outcome === "PARTIALLY_FULFILLED")
        ? [t("letters.body.resultOnline")]
        : []),
      closing,
    ],
    lists: [
      ...(grounds.length > 0 ? [{ title: t("letters.grounds"), items: grounds }] : []),
      ...(facts.outcomeNote ? [{ title: t("letters.note"), items: [facts.outcomeNote] }] : []),
    ],
    complaint: complaint(complaintNoticeDue(outcome, false)),
  };
}
