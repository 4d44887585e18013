import { beforeEach, describe, expect, it, vi } from "vitest";

// Next.js's data cache, as far as this concerns it: entries keyed by the function's key and its
// arguments, stamped when written, expired by a tag flushed after the stamp. That stamp is the
// race tagged-cache.ts closes, so the stand-in keeps it.
const entries = new Map<string, { value: unknown; writtenAt: number; tags: string[] }>();
const flushedAt = new Map<string, number>();
let clock = 0;

vi.mock("next/cache", () => ({
  unstable_cache:
    (
      fn: (...args: unknown[]) => Promise<unknown>,
      keyParts: string[],
      options: { tags: string[] },
    ) =>
    async (...args: unknown[]) => {
      const key = JSON.stringify([keyParts, args]);
      const entry = entries.get(key);
      const expired = entry?.tags.some((tag) => (flushedAt.get(tag) ?? -1) >= entry.writtenAt);
      if (entry && !expired) return entry.value;
      const value = await fn(...args);
      entries.set(key, { value, writtenAt: ++clock, tags: options.tags });
      return value;
    },
  updateTag: (tag: string) => flushedAt.set(tag, ++clock),
}));

const { flushTags, generationOf, taggedCache } = await import("./tagged-cache");

/** A cached read of `source`, whose database read can be held open to let a change land. */
function slowRead(source: { text: string }) {
  let hold: Promise<void> = Promise.resolve();
  let reads = 0;
  const read = taggedCache(
    async (locale: string) => {
      reads++;
      const seen = source.text; // the read happens here …
      await hold; // … and the entry is written after this.
      return `${locale}:${seen}`;
    },
    `test-${Math.random()}`,
    { tags: ["t-a", "t-b"], revalidate: 300 },
  );
  return {
    read,
    reads: () => reads,
    holdOpen() {
      let release!: () => void;
      hold = new Promise((resolve) => (release = resolve));
      return () => {
        release();
        hold = Promise.resolve();
      };
    },
  };
}

describe("taggedCache", () => {
  beforeEach(() => {
    entries.clear();
    flushedAt.clear();
  });

  it("serves the cached value until a tag is flushed, then reads again", async () => {
    const source = { text: "old" };
    const cache = slowRead(source);
    expect(await cache.read("ja")).toBe("ja:old");
    source.text = "new";
    expect(await cache.read("ja")).toBe("ja:old");
    expect(cache.reads()).toBe(1);
    flushTags("t-b");
    expect(await cache.read("ja")).toBe("ja:new");
    expect(await cache.read("en")).toBe("en:new");
    expect(cache.reads()).toBe(3);
  });

  it("does not keep a read that began before a change and was written after its flush", async () => {
    const source = { text: "old" };
    const cache = slowRead(source);
    const release = cache.holdOpen();
    const late = cache.read("ja"); // a visitor's render reads the old text …
    await Promise.resolve();
    source.text = "new"; // … the manager's change commits …
    flushTags("t-a"); // … and flushes, before the visitor's entry is written.
    release();
    expect(await late).toBe("ja:old"); // that visitor saw the page as it was,
    expect(await cache.read("ja")).toBe("ja:new"); // the next one sees the change.
  });

  it("changes the generation of any tag set that holds a flushed tag, and only those", () => {
    const before = { both: generationOf(["t-a", "t-b"]), other: generationOf(["t-c"]) };
    flushTags("t-a");
    expect(generationOf(["t-a", "t-b"])).toBe(before.both + 1);
    expect(generationOf(["t-c"])).toBe(before.other);
    flushTags("t-a", "t-b");
    expect(generationOf(["t-a", "t-b"])).toBe(before.both + 3);
  });
});
