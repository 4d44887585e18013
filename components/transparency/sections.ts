import type { MessageKey } from "@/lib/i18n/translate";

// The page's sections in order: their anchors (ids) and heading keys, shared by the table of
// contents and the sections themselves so the in-page links cannot drift. The order is the
// notice elements' of ISO/IEC 29184 clause 5.3: how this notice is built and changed, who the
// controller is and how to reach it, purposes, the data and how it is obtained and kept,
// recipients and transfers, the rights and how to use them, where to complain.
export const SECTIONS = [
  { id: "notice", title: "noticeVersions.section.title" },
  { id: "contact", title: "transparency.section.contact" },
  { id: "purposes", title: "transparency.section.purposes" },
  { id: "collection", title: "transparency.section.collection" },
  { id: "recipients", title: "transparency.section.recipients" },
  { id: "foreign", title: "transparency.section.foreign" },
  { id: "processors", title: "transparency.section.processors" },
  { id: "security", title: "transparency.section.security" },
  { id: "law-enforcement", title: "transparency.section.lawEnforcement" },
  { id: "rights", title: "transparency.section.rights" },
  { id: "gpc", title: "gpc.sectionTitle" },
  { id: "fees", title: "transparency.section.fees" },
  { id: "identity", title: "transparency.section.identity" },
  { id: "complaints", title: "transparency.section.complaints" },
] as const satisfies readonly { id: string; title: MessageKey }[];

export type SectionId = (typeof SECTIONS)[number]["id"];
