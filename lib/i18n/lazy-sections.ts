import type { ClientSection } from "./client-messages";
import type { Locale } from "./config";

// Catalogue sections that travel with the code that uses them instead of in the page's HTML. The
// staff request page's forms are loaded when staff start to use one (components/forms/
// defer-until-used.tsx); their strings (decisions, the disclosure package, assignment, fees,
// tasks, identity review: about 47 kB of the page's 55 kB of catalogue) come with them, both
// languages in one module. A
// deferred form names the sections it loads (deferUntilUsed's second argument); on the server
// they load before the form renders, in the browser before it hydrates, so both draw the same
// text. lib/i18n/client-messages.test.ts checks that every section a deferred form's code uses
// is loaded with it or given by each page that renders it.

type SectionModule = Record<Locale, object>;

const IMPORTERS = {
  decisions: () => import("./messages/sections/decisions").then((m) => m.decisions),
  disclosurePackage: () =>
    import("./messages/sections/disclosurePackage").then((m) => m.disclosurePackage),
  fees: () => import("./messages/sections/fees").then((m) => m.fees),
  fulfilment: () => import("./messages/sections/fulfilment").then((m) => m.fulfilment),
  queue: () => import("./messages/sections/queue").then((m) => m.queue),
  review: () => import("./messages/sections/review").then((m) => m.review),
} satisfies Partial<Record<ClientSection, () => Promise<SectionModule>>>;

export type LazySection = keyof typeof IMPORTERS;

const loaded = new Map<string, SectionModule>();

/** Loads the sections' modules once per process or page; resolves when all are there. */
export async function loadSections(sections: readonly LazySection[]): Promise<void> {
  await Promise.all(
    sections.map(async (section) => {
      if (!loaded.has(section)) loaded.set(section, await IMPORTERS[section]());
    }),
  );
}

/** A loaded section's strings in one language; undefined until loadSections has brought it. */
export function loadedSection(locale: Locale, section: string): object | undefined {
  return loaded.get(section)?.[locale];
}
