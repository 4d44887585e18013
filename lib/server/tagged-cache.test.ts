import { describe, expect, it } from "vitest";

import { flushTags, generationOf, taggedCache } from "./tagged-cache";

let keys = 0;

/** A cached read of `source`, whose database read can be held open to let a change land. */
function cachedRead(source: { text: string }, options = { ttlSeconds: 300 }) {
  let hold: Promise<void> = Promise.resolve();
  let reads = 0;
  const read = taggedCache(
    async (locale: string) => {
      reads++;
      const seen = source.text; // the read happens here …
      await hold; // … and its result is kept after this.
      return { text: `${locale}:${seen}` };
    },
    `test-${keys++}`,
    { tags: ["t-a", "t-b"], ...options },
  );
  return {
    read: async (locale: string) => (await read(locale)).text,
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
  it("serves the cached value per argument until a tag is flushed, then reads again", async () => {
    const source = { text: "old" };
    const cache = cachedRead(source);
    expect(await cache.read("ja")).toBe("ja:old");
    source.text = "new";
    expect(await cache.read("ja")).toBe("ja:old");
    expect(cache.reads()).toBe(1);
    expect(await cache.read("en")).toBe("en:new");
    flushTags("t-b");
    expect(await cache.read("ja")).toBe("ja:new");
    expect(cache.reads()).toBe(3);
  });

  it("never serves a read that began before a change and ended after its flush", async () => {
    const source = { text: "old" };
    const cache = cachedRead(source);
    const release = cache.holdOpen();
    const late = cache.read("ja"); // a visitor's render reads the old text …
    await Promise.resolve();
    source.text = "new"; // … the manager's change commits …
    flushTags("t-a"); // … and flushes, before the visitor's read has finished.
    release();
    expect(await late).toBe("ja:old"); // that visitor saw the page as it was,
    expect(await cache.read("ja")).toBe("ja:new"); // the next one sees the change.
  });

  it("shares one read between concurrent misses, and keeps no failed read", async () => {
    const source = { text: "old" };
    const cache = cachedRead(source);
    const release = cache.holdOpen();
    const both = Promise.all([cache.read("ja"), cache.read("ja")]);
    release();
    expect(await both).toEqual(["ja:old", "ja:old"]);
    expect(cache.reads()).toBe(1);

    let fail = true;
    const flaky = taggedCache(
      async () => {
        if (fail) throw new Error("database down");
        return 1;
      },
      `test-${keys++}`,
      { tags: ["t-c"], ttlSeconds: 300 },
    );
    await expect(flaky()).rejects.toThrow("database down");
    fail = false;
    expect(await flaky()).toBe(1);
  });

  it("reads again once the entry has expired", async () => {
    const source = { text: "old" };
    const cache = cachedRead(source, { ttlSeconds: 0 });
    await cache.read("ja");
    source.text = "new";
    expect(await cache.read("ja")).toBe("ja:new");
  });

  it("gives every reader its own copy", async () => {
    const read = taggedCache(async () => ({ list: [1] }), `test-${keys++}`, {
      tags: ["t-c"],
      ttlSeconds: 300,
    });
    (await read()).list.push(2);
    expect((await read()).list).toEqual([1]);
  });

  it("changes the generation of any tag set that holds a flushed tag, and only those", () => {
    const before = { both: generationOf(["t-a", "t-b"]), other: generationOf(["t-d"]) };
    flushTags("t-a");
    expect(generationOf(["t-a", "t-b"])).toBe(before.both + 1);
    expect(generationOf(["t-d"])).toBe(before.other);
    flushTags("t-a", "t-b");
    expect(generationOf(["t-a", "t-b"])).toBe(before.both + 3);
  });
});
