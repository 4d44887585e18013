import { createHash, randomBytes } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { BACKENDS, setUpBackend, type BackendHarness } from "./test-backends";

// A disclosure package of 100,000 items must not be held whole in memory, neither while it is
// written nor while it is read back, on either backend. Memory is sampled after a forced garbage
// collection, so the figure is what is really kept alive (heap plus Buffers), not garbage.

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const MiB = 1024 * 1024;
const FILE_BYTES = 96 * MiB;
// Generous, yet half the file: S3 holds two 5 MiB parts, fetch a copy of one, and HTTP
// buffers; measured about 20 MiB (spikes to 32) on S3 and 5 MiB on the local folder.
const BOUND_BYTES = 48 * MiB;

function memoryMeter() {
  const live = () => {
    gc();
    const m = process.memoryUsage();
    return { live: m.heapUsed + m.arrayBuffers, rss: m.rss };
  };
  const base = live();
  let peak = 0;
  let peakRss = 0;
  return {
    sample() {
      const now = live();
      peak = Math.max(peak, now.live - base.live);
      peakRss = Math.max(peakRss, now.rss - base.rss);
    },
    result: () => ({ peakMiB: peak / MiB, rssMiB: peakRss / MiB }),
  };
}

describe.each(BACKENDS)("a 96 MiB package (%s backend)", (kind) => {
  let harness: BackendHarness;
  let stream: typeof import("./stream-store");

  beforeAll(async () => {
    harness = await setUpBackend(kind);
    stream = await import("./stream-store");
  });

  afterAll(async () => {
    await harness.close();
  });

  it("round-trips in bounded memory", { timeout: 120_000 }, async () => {
    const written = memoryMeter();
    const writer = await stream.createEncryptedFileWriter();
    const expected = createHash("sha256");
    for (let i = 0; i < FILE_BYTES / MiB; i++) {
      const chunk = randomBytes(MiB);
      expected.update(chunk);
      await writer.write(chunk);
      written.sample();
    }
    const stored = await writer.finish();
    written.sample();
    expect(stored.sizeBytes).toBe(FILE_BYTES);
    expect(stored.sha256).toBe(expected.digest("hex"));

    const read = memoryMeter();
    const body = (await stream.openEncryptedFileStream(stored)).getReader();
    const actual = createHash("sha256");
    let bytes = 0;
    let sinceSample = 0;
    for (let next = await body.read(); !next.done; next = await body.read()) {
      const chunk = next.value;
      actual.update(chunk);
      bytes += chunk.length;
      sinceSample += chunk.length;
      if (sinceSample >= MiB) {
        read.sample();
        sinceSample = 0;
      }
    }
    expect(bytes).toBe(FILE_BYTES);
    expect(actual.digest("hex")).toBe(stored.sha256);
    const usage = { kind, write: written.result(), read: read.result() };
    console.info("large stream memory (MiB)", JSON.stringify(usage));
    expect(usage.write.peakMiB).toBeLessThan(BOUND_BYTES / MiB);
    expect(usage.read.peakMiB).toBeLessThan(BOUND_BYTES / MiB);
  });
});
