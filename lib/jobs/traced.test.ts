import { trace } from "@opentelemetry/api";
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import type { PgBoss } from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";

import { traced } from "./handlers";

// Job spans (issue 17): every batch a worker takes runs in a span named after its queue, with the
// batch's size, ended whether the handler succeeds or fails (and then marked as an error).

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
trace.setGlobalTracerProvider(provider);

afterAll(() => provider.shutdown());

describe("job spans", () => {
  it("wraps each batch of each queue in a span, errors marked", async () => {
    const handlers = new Map<string, (jobs: unknown[]) => Promise<unknown>>();
    const boss = {
      work: (name: string, _options: object, handler: (jobs: unknown[]) => Promise<unknown>) => {
        handlers.set(name, handler);
        return Promise.resolve("worker-id");
      },
      getQueue: (name: string) => Promise.resolve({ name }),
    } as unknown as PgBoss;
    const wrapped = traced(boss);
    await wrapped.work("mail-send", { batchSize: 5 }, () => Promise.resolve("sent"));
    await wrapped.work("fulfilment-task", {}, () => Promise.reject(new Error("system down")));
    // Other methods are the boss's own.
    expect(await wrapped.getQueue("mail-send")).toEqual({ name: "mail-send" });

    expect(await handlers.get("mail-send")!([{ id: 1 }, { id: 2 }])).toBe("sent");
    await expect(handlers.get("fulfilment-task")!([{ id: 3 }])).rejects.toThrow("system down");

    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => [s.name, s.attributes["job.batch_size"], s.status.code])).toEqual([
      ["job mail-send", 2, 0],
      ["job fulfilment-task", 1, 2],
    ]);
  });
});
