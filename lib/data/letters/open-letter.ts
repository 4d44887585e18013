import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { readBrand } from "@/lib/brand/read-brand";
import { getDb } from "@/lib/db";
import { readerZone } from "@/lib/deadlines/calendar";
import type { Locale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";
import { DOCUMENT_KINDS } from "@/lib/identity/rules";
import { writeLetterPdf, type LetterSender } from "@/lib/letters/letter-pdf";
import { letterText, lettersOf, type LetterKind } from "@/lib/letters/letters";

import { complaintAuthorities } from "../requests/complaint-authorities";
import { LETTER_FACTS_SELECT, letterFactsOf } from "./letter-facts";
import { requestScope } from "../requests/get-request";

// The outcome letters of a request (lib/letters/), for those who may see the request: its
// requester (their own) and staff. Each opening of a letter is audited, as an attachment's is.

async function readFacts(actor: Actor, reference: string) {
  const request = await getDb().request.findFirst({
    where: { AND: [{ reference }, requestScope(actor)] },
    select: {
      ...LETTER_FACTS_SELECT,
      id: true,
      jurisdictions: true,
      residenceCountry: true,
      residenceRegion: true,
      subject: { select: { familyName: true, givenName: true } },
    },
  });
  if (!request) return null;
  return { request, facts: letterFactsOf(request) };
}

/** The letters of a request the actor may see, oldest first; null when it is not theirs. */
export async function listLetters(options: { actor: Actor; reference: string }) {
  const found = await readFacts(options.actor, options.reference);
  return found && lettersOf(found.facts);
}

/**
 * One letter as a PDF in the reader's language; null when the request is not the actor's or has
 * no such letter.
 */
export async function openLetter(options: {
  actor: Actor;
  reference: string;
  kind: LetterKind;
  locale: Locale;
}): Promise<{ bytes: Buffer; fileName: string } | null> {
  const { actor, kind, locale } = options;
  const found = await readFacts(actor, options.reference);
  if (!found) return null;
  const { request, facts } = found;
  const t = getTranslator(locale);
  const brand = await readBrand();
  const inLocale = (value: Record<Locale, string>) => value[locale] || value.ja;
  const sender: LetterSender = {
    name: inLocale(brand.organisationName),
    department: inLocale(brand.department),
    address: inLocale(brand.address),
    contact: [brand.contactEmail, brand.contactPhone].filter(Boolean).join(" / "),
  };
  // Dates as the reader's own calendar has them: a deadline is the day it ends where they live.
  const zone = readerZone(request.residenceCountry, request.residenceRegion);
  const text = letterText({
    kind,
    facts,
    locale,
    t,
    organisation: sender.name,
    // Only a letter that says where to complain needs the authorities.
    authorities: kind === "identity" ? [] : await complaintAuthorities(getDb(), request),
    documentKinds: DOCUMENT_KINDS,
    zone,
  });
  if (!text) return null;
  const chunks: Buffer[] = [];
  await writeLetterPdf(
    { write: async (chunk) => void chunks.push(Buffer.from(chunk)) },
    {
      locale,
      t,
      reference: request.reference,
      addressee:
        [request.subject?.familyName, request.subject?.givenName].filter(Boolean).join(" ") || null,
      sender,
      text,
      zone,
    },
  );
  await getDb().$transaction((tx) =>
    recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "letter.open",
      entityType: "Request",
      entityId: request.id,
      requestId: request.id,
      ip: actor.ip,
      data: { kind, locale },
    }),
  );
  return { bytes: Buffer.concat(chunks), fileName: `${request.reference}-${kind}-${locale}.pdf` };
}
