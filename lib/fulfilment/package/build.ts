import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

import { createCsvWriter } from "./csv-writer";
import { neverDisclosedKind, type NeverDisclosedKind } from "./denylist";
import { createHtmlWriter } from "./html-writer";
import {
  iterateItems,
  resolveItemScope,
  sourcesKeyOf,
  type ItemReader,
  type ItemScope,
  type ScopeRequest,
} from "./item-source";
import { createJsonWriter } from "./json-writer";
import { createPdfWriter } from "./pdf-writer";
import { loadSupplement, type SupplementReader } from "./supplement";
import type {
  ByteSink,
  PackageFileFormat,
  PackageGap,
  PackageItem,
  PackageTail,
  PackageWriter,
  WithheldItem,
} from "./types";

// The disclosure package builder: one pass over the candidate items (batch by batch, from the
// portal's records and the connectors' answers) feeds every requested format at once. Items of a
// never-disclosed kind (denylist.ts) are dropped and only counted; items staff redacted are left
// out and listed with the reason the requester reads.

export type PackageReader = ItemReader & SupplementReader & Pick<Db, "$transaction" | "subject">;

const WRITERS: Record<PackageFileFormat, (sink: ByteSink) => PackageWriter> = {
  JSON: createJsonWriter,
  CSV: createCsvWriter,
  HTML: createHtmlWriter,
  PDF: createPdfWriter,
};

export interface BuildPackageOptions {
  db: PackageReader;
  request: ScopeRequest & { reference: string; locale: Locale };
  outputs: readonly { format: PackageFileFormat; sink: ByteSink }[];
  /** itemRef → the reason the requester reads. */
  redactions: ReadonlyMap<string, string>;
  batchSize?: number;
  now?: Date;
  /** Called after each batch (the benchmark samples memory here). */
  onBatch?: (itemsSoFar: number) => void;
}

/** Sorts a batch into what is disclosed, what staff withheld and what is never disclosed. */
export function sortBatch(
  batch: readonly PackageItem[],
  redactions: ReadonlyMap<string, string>,
): { included: PackageItem[]; withheld: WithheldItem[]; never: NeverDisclosedKind[] } {
  const included: PackageItem[] = [];
  const withheld: WithheldItem[] = [];
  const never: NeverDisclosedKind[] = [];
  for (const item of batch) {
    const kind = neverDisclosedKind(item);
    if (kind) {
      never.push(kind);
      continue;
    }
    const reason = redactions.get(item.ref);
    if (reason !== undefined) {
      withheld.push({
        ref: item.ref,
        category: item.category,
        system: item.system,
        field: item.fieldLabel,
        reason,
      });
      continue;
    }
    included.push(item);
  }
  return { included, withheld, never };
}

/** The systems whose data is missing, as the package tells the requester. */
export function gapsOf(scope: Pick<ItemScope, "systems">): PackageGap[] {
  return scope.systems.flatMap((s) =>
    s.state === "missing" && s.gap ? [{ system: s.name, reason: s.gap.kind }] : [],
  );
}

export interface BuiltPackage extends PackageTail {
  gaps: PackageGap[];
  /** The sources' state the package was built from (item-source.ts sourcesKeyOf). */
  sourcesKey: string;
}

/**
 * Builds the package in every requested format; returns what the documents' tails say, with the
 * gaps they state and the sources' state. The reading happens in one read-only REPEATABLE READ
 * transaction (the cursor needs one, and the supplement then describes exactly the items
 * streamed); the files are written as it goes. A system whose export is still open stops the
 * build before a byte is written: its items are not known yet.
 */
export async function buildPackageFiles(options: BuildPackageOptions): Promise<BuiltPackage> {
  const { request, redactions } = options;
  const locale = request.locale;
  return options.db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET TRANSACTION READ ONLY`;
      // Room for the database to sort 100,000 items and group them in memory rather than on disk
      // (the default 4 MB spills); for this transaction only.
      await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
      const scope = await resolveItemScope(tx, request, locale);
      if (scope.systems.some((s) => s.state === "pending"))
        throw new AppError("CONFLICT", "disclosurePackage.errors.pending");
      const gaps = gapsOf(scope);
      const supplement = await loadSupplement(tx, scope, locale, {
        jurisdictions: request.jurisdictions ?? ["JP"],
        residenceCountry: request.residenceCountry ?? null,
      });
      const writers = options.outputs.map((o) => WRITERS[o.format](o.sink));
      // The cover letter's addressee: the person the data is about (an agent files for them).
      const subject = await tx.subject.findUnique({
        where: { id: request.subjectId },
        select: { familyName: true, givenName: true },
      });
      const addressee = [subject?.familyName, subject?.givenName].filter(Boolean).join(" ") || null;
      const head = {
        reference: request.reference,
        addressee,
        locale,
        generatedAt: options.now ?? new Date(),
        supplement,
        gaps,
        t: getTranslator(locale),
      };
      for (const writer of writers) await writer.begin(head);
      const tail: PackageTail = {
        itemCount: 0,
        withheld: [],
        neverIncluded: { count: 0, kinds: [] },
      };
      const kinds = new Set<NeverDisclosedKind>();
      for await (const batch of iterateItems(tx, scope, options.batchSize)) {
        const sorted = sortBatch(batch, redactions);
        tail.itemCount += sorted.included.length;
        tail.withheld.push(...sorted.withheld);
        tail.neverIncluded.count += sorted.never.length;
        for (const kind of sorted.never) kinds.add(kind);
        // The formats are written one after another, each awaiting its own encrypted file.
        for (const writer of writers) await writer.items(sorted.included);
        options.onBatch?.(tail.itemCount);
      }
      tail.neverIncluded.kinds = [...kinds].sort();
      for (const writer of writers) await writer.end(tail);
      return { ...tail, gaps, sourcesKey: sourcesKeyOf(scope) };
    },
    // Long enough for a 100,000-item package on a busy machine; reads only, so it blocks nobody
    // on PostgreSQL (on the embedded PGlite every transaction runs alone anyway).
    { isolationLevel: "RepeatableRead", maxWait: 10_000, timeout: 10 * 60_000 },
  );
}
