// The privacy notice as data, organised by the notice elements of ISO/IEC 29184:2020 (JIS X 9252)
// clause 5.2/5.3: who the controller is and how to reach them, each purpose with the PII categories
// it uses, where the data comes from, who receives it (and transfers abroad), how long it is kept,
// the person's rights and how to use them, where to complain, and how changes are made known. Both
// languages in one object, so a version is one snapshot. Served as JSON at /api/v1/notice; stored
// per version in NoticeVersion.content (lib/notice/record.ts).

export type Localised = { ja: string; en: string };

export const NOTICE_ELEMENTS = [
  "controller",
  "purposes",
  "sources",
  "recipients",
  "retention",
  "rights",
  "complaints",
  "changes",
] as const;
export type NoticeElement = (typeof NOTICE_ELEMENTS)[number];

export interface NoticePurpose {
  key: string;
  name: Localised;
  description: Localised | null;
  /** The keys of the PII categories this purpose uses (NoticeCategory.key). */
  categoryKeys: string[];
  /** Whether this purpose is advertising the person may opt out of (Global Privacy Control). */
  optOut: boolean;
}

export interface NoticeCategory {
  key: string;
  name: Localised;
  /** Sensitive (要配慮個人情報) or ordinary, as the data map classes it. */
  dataClass: string;
}

export interface NoticeRecipient {
  key: string;
  name: Localised;
  /** THIRD_PARTY, GROUP_COMPANY, FOREIGN_THIRD_PARTY, PROCESSOR, … (RecipientClass). */
  recipientClass: string;
  /** ISO country where it is abroad; null in Japan. */
  country: string | null;
  /** Whether this recipient is a third party in the law's sense (provision needs consent). */
  thirdParty: boolean;
}

export interface Notice {
  /** ISO/IEC 29184 5.3.2: the controller's identity and contact. */
  controller: {
    name: Localised;
    address: Localised;
    representative: string | null;
    email: string | null;
    phone: string | null;
    department: Localised | null;
  };
  /** 5.3.3 – 5.3.4: purposes, each with its PII categories. */
  purposes: NoticePurpose[];
  categories: NoticeCategory[];
  /** 5.3.5: how PII is collected (DIRECT, AUTOMATIC, THIRD_PARTY, PUBLIC) per category key. */
  sources: { categoryKey: string; sources: string[] }[];
  /** 5.3.7 – 5.3.8: recipients and transfers to other jurisdictions. */
  recipients: NoticeRecipient[];
  /** 5.3.9: retention per category key, as the data map states it. */
  retention: { categoryKey: string; period: Localised | null }[];
  /** 5.3.10 – 5.3.11: the rights and how to use them (the request types and where to file). */
  rights: { requestType: string; name: Localised }[];
  rightsHowTo: Localised;
  /** 5.3.13: where to complain: the organisation's desk and each law's authority. */
  complaints: {
    desk: Localised | null;
    authorities: { key: string; name: Localised; url: string | null }[];
  };
  /** 5.3.14: how changes are made known (the version history and the person's page). */
  changes: Localised;
  /**
   * The organisation's own statements the transparency page shows beside the elements, in its
   * words (null where it has written none). Optional only because it was added after the first
   * readers; buildNotice always fills it. A change is listed under the element it belongs to:
   * "rights" (offlineFiling, identityDocuments), "controller" (securityMeasures), "recipients"
   * (processorOversight, lawEnforcement), "purposes" (automatedDecisions). The last three were
   * added later still, and are missing from the versions recorded before them.
   */
  statements?: {
    /** 5.3.11: filing by post or at a counter, what to enclose. */
    offlineFiling: Localised | null;
    /** How identity documents sent with a request are kept and deleted. */
    identityDocuments: Localised | null;
    /** APPI Art.32(1)(iv), Order Art.10(1): the security-control measures taken. */
    securityMeasures: Localised | null;
    /** APPI Art.25: how processors (委託先) are supervised. */
    processorOversight?: Localised | null;
    /** How requests from law enforcement are answered (APPI Art.27(1)(i), (iv)). */
    lawEnforcement?: Localised | null;
    /** GDPR Art.13(2)(f): decisions by automated processing, profiling, their logic. */
    automatedDecisions?: Localised | null;
  };
}

/** One change between two versions: an element, what changed in it, and the key of the item. */
export interface NoticeChange {
  element: NoticeElement | "categories";
  kind: "added" | "removed" | "changed";
  /** The item's key (purpose, category, recipient, authority, right); null for a whole text. */
  key: string | null;
  /** The item's name after the change (before it, for a removal), to show the change. */
  name: Localised | null;
  /** Which fields changed ("name", "description", "categoryKeys", "country", …). */
  fields: string[];
  /** A new purpose, or a new (or newly third-party) recipient: people's consent must be asked. */
  needsConsent: boolean;
}

export interface NoticeVersionView {
  version: number;
  createdAt: string;
  hash: string;
  needsConsent: boolean;
  changes: NoticeChange[];
}
