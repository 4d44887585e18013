import { countryName } from "@/lib/i18n/format";
import type { ReactNode } from "react";

import type { Translate } from "@/lib/i18n/translate";

import { SECTIONS, type SectionId } from "./sections";

/** One section of the page: an h2 with the anchor the table of contents links to. */
export function Section(props: { id: SectionId; t: Translate; children: ReactNode }) {
  const section = SECTIONS.find((s) => s.id === props.id)!;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.t(section.title)}</h2>
      {props.children}
    </section>
  );
}

/** The organisation's own multi-line text from the database, one paragraph per line. */
export function Paragraphs({ text }: { text: string }) {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, i) => <p key={i}>{line}</p>);
}

export { countryName };
