import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";

import type { NeverDisclosedKind } from "./denylist";

// The shapes the package builder passes around: candidate items from the item source, the
// supplementary information, and what the writers (JSON, CSV, HTML, PDF) receive.

export type PackageFileFormat = "JSON" | "CSV" | "HTML" | "PDF";

/** A candidate item, in the reader's language, before the denylist and redactions. */
export interface PackageItem {
  /** PersonalDataItem id, or the connector's ref ("<systemKey>:<field>"). */
  ref: string;
  origin: "record" | "connector";
  categoryKey: string;
  category: string;
  systemKey: string;
  system: string;
  /** The system's own key for the field (kept in the JSON for machines). */
  field: string;
  /** What the field is called in the reader's language (the data map's label). */
  fieldLabel: string;
  value: string;
  /** DataSource code (DIRECT, AUTOMATIC, …) or what a connector said. */
  source: string;
  sourceNote: string;
  /** ISO date-time, or null when the system did not say. */
  collectedAt: string | null;
}

export interface WithheldItem {
  ref: string;
  category: string;
  system: string;
  /** The field's label in the reader's language. */
  field: string;
  reason: string;
}

/** A system whose data could not be gathered for this package, as the requester reads it. */
export interface PackageGap {
  system: string;
  /** failed: the system did not answer; cancelled: the organisation stopped the export. */
  reason: "failed" | "cancelled";
}

export interface PurposeEntry {
  name: string;
  description: string;
  categories: string[];
}

export interface SourceEntry {
  category: string;
  /** Source codes with the notes recorded for them (取得の経緯). */
  ways: { source: string; notes: string[] }[];
}

export interface RecipientEntry {
  name: string;
  recipientClass: string;
  count: number;
  from: Date;
  to: Date;
  foreign: {
    country: string;
    countryName: string;
    regime: string;
    measures: string;
    /**
     * Where the GDPR or UK GDPR makes this a third-country transfer (Art.15(2)): the safeguard in
     * words, or null when none is on record; undefined where neither law applies.
     */
    safeguard?: string | null;
  } | null;
}

export interface RetentionEntry {
  category: string;
  /** Latest retainUntil among the items that have one. */
  until: Date | null;
  /** Some items are kept until their purpose is achieved (no retainUntil). */
  untilPurpose: boolean;
  legalHolds: string[];
}

export interface Supplement {
  /**
   * Who issues the package (the letterhead of its cover letter): the organisation, its desk
   * (white-label settings), address, and the contact line (email / phone / address).
   */
  organisation: { name: string; department: string; address: string; contact: string };
  purposes: PurposeEntry[];
  sources: SourceEntry[];
  recipients: RecipientEntry[];
  retention: RetentionEntry[];
  /** Where to complain: each applicable law's supervisory authority (GDPR Art.15(1)(f)). */
  complaint: { name: string; contact: string; url: string }[];
  /**
   * Automated decision-making, including profiling (GDPR Art.15(1)(h)): the organisation's
   * statement where the GDPR or UK GDPR applies, else null.
   */
  automatedDecisions: string | null;
}

export interface PackageHead {
  reference: string;
  /** The person the package is about, as the cover letter addresses them; null if unnamed. */
  addressee: string | null;
  locale: Locale;
  generatedAt: Date;
  supplement: Supplement;
  /** Systems whose data is missing from this package, and why. */
  gaps: PackageGap[];
  t: Translate;
}

export interface PackageTail {
  itemCount: number;
  withheld: WithheldItem[];
  neverIncluded: { count: number; kinds: NeverDisclosedKind[] };
}

/** Where a writer's bytes go (an encrypted file); awaiting write() is the back-pressure. */
export type { ByteSink } from "@/lib/pdf/pdf-file";

/** One output format, fed the included items in order, batch by batch. */
export interface PackageWriter {
  begin(head: PackageHead): Promise<void>;
  items(batch: readonly PackageItem[]): Promise<void>;
  end(tail: PackageTail): Promise<void>;
}
