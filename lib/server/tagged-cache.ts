import "server-only";

import { announceFlush, listenForFlushes } from "./flush-message";

// Public facts every page shows and managers rarely change (the brand; the transparency page's
// facts and its notice version), kept in this process's memory for a few minutes and dropped at
// once when a manager's change flushes their tag.
//
// Not Next.js's `unstable_cache`: it stamps an entry when the entry is written, not when the read
// behind it began, so a visitor's read that began just before a manager's change committed and
// was written just after the change's `updateTag` stayed cached as fresh for the whole period (the
// privacy page went on showing the statement the manager had just replaced: a CI flake). Here an
// entry carries the generation its tags had when its read began, and a flush bumps it, so such an
// entry is never served. Nothing is written to disk (every flush there left files under new keys),
// and concurrent misses share one read.
//
// The store lives on globalThis: every route is its own bundle with its own copy of this module,
// and a server action's flush must reach the pages' reads in the same process. The app's other
// processes on the machine (`WEB_CONCURRENCY`, scripts/lib/next-cluster.ts) get the flush from
// the cluster's primary; a process on another machine sees a change when its entry expires.

interface Entry {
  generation: number;
  expiresAt: number;
  /** The value as JSON, parsed afresh for every reader: no reader can change another's copy. */
  json: Promise<string>;
}
interface Store {
  generations: Map<string, number>;
  entries: Map<string, Entry>;
}
const holder = globalThis as typeof globalThis & {
  __dsarTaggedCache?: Store;
  __dsarFlushListener?: boolean;
};
const store: Store = (holder.__dsarTaggedCache ??= { generations: new Map(), entries: new Map() });

function bump(tags: readonly string[]): void {
  for (const tag of tags) store.generations.set(tag, (store.generations.get(tag) ?? 0) + 1);
}

// One listener per process, however many route bundles load this module.
if (!holder.__dsarFlushListener) {
  holder.__dsarFlushListener = true;
  listenForFlushes(bump);
}

/** The sum of the tags' generations: a flush of any of them changes it. */
export function generationOf(tags: readonly string[]): number {
  return tags.reduce((sum, tag) => sum + (store.generations.get(tag) ?? 0), 0);
}

/** Drops what is cached under the tags, including reads that began before this and end after. */
export function flushTags(...tags: string[]): void {
  bump(tags);
  announceFlush(tags);
}

/**
 * `fn` cached per arguments for `ttlSeconds`, until a `flushTags` of one of `tags`. Its result
 * must be plain JSON (no Dates): readers get it as JSON parsed.
 */
export function taggedCache<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
  key: string,
  options: { tags: readonly string[]; ttlSeconds: number },
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    const id = `${key}:${JSON.stringify(args)}`;
    const generation = generationOf(options.tags);
    const now = Date.now();
    let entry = store.entries.get(id);
    if (!entry || entry.generation !== generation || entry.expiresAt <= now) {
      const json = fn(...args).then((value) => JSON.stringify(value) ?? "null");
      const fresh: Entry = { generation, expiresAt: now + options.ttlSeconds * 1000, json };
      store.entries.set(id, fresh);
      // A failed read is not kept: the next reader tries again.
      json.catch(() => {
        if (store.entries.get(id) === fresh) store.entries.delete(id);
      });
      entry = fresh;
    }
    return JSON.parse(await entry.json) as R;
  };
}
