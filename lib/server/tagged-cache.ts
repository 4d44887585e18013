import "server-only";

import { unstable_cache, updateTag } from "next/cache";

// Next.js's data cache stamps an entry when it is written, not when the read behind it began. A
// render that read the database just before a manager's change committed, and wrote its entry just
// after the change flushed the tag, leaves the old text cached as fresh for the whole revalidate
// period: the manager saves, opens the privacy page, and sees what they replaced (a CI run caught
// it with another test loading the page at that moment). So each tag has a generation, bumped by
// every flush and part of every key: a late write lands under a generation nobody reads again.
//
// The generations live on globalThis because every route is its own bundle with its own copy of
// this module, while a server action's flush must reach the page's reads in the same process; Next's
// own tag flushes reach no further than the process either (the revalidate period covers the rest).

type Generations = Map<string, number>;
const store = globalThis as typeof globalThis & { __dsarTagGenerations?: Generations };
const generations: Generations = (store.__dsarTagGenerations ??= new Map<string, number>());

/** The sum of the tags' generations: any flush of any of them changes it. */
export function generationOf(tags: readonly string[]): number {
  return tags.reduce((sum, tag) => sum + (generations.get(tag) ?? 0), 0);
}

/** Flushes the tags: their cached entries expire now, and reads begun before this miss next time. */
export function flushTags(...tags: string[]): void {
  for (const tag of tags) {
    generations.set(tag, (generations.get(tag) ?? 0) + 1);
    updateTag(tag);
  }
}

/**
 * `unstable_cache` whose key carries the tags' generation (above): the cached function is read
 * fresh after a `flushTags` of any of its tags, even if a read that began earlier writes late.
 */
export function taggedCache<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
  key: string,
  options: { tags: readonly string[]; revalidate: number },
): (...args: A) => Promise<R> {
  const cached = unstable_cache((_generation: number, ...args: A) => fn(...args), [key], {
    tags: [...options.tags],
    revalidate: options.revalidate,
  });
  return (...args: A) => cached(generationOf(options.tags), ...args);
}
