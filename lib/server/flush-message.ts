import cluster from "node:cluster";

// A manager's change flushes cached tags (tagged-cache.ts) in the process that made it. When the
// app runs as several processes on one machine (`WEB_CONCURRENCY`), that process tells the
// cluster's primary (scripts/lib/cluster.ts, started by next-cluster.ts), which tells the others.

export const FLUSH_MESSAGE = "dsar:flush-tags";

export interface FlushMessage {
  type: typeof FLUSH_MESSAGE;
  tags: string[];
}

export function isFlushMessage(message: unknown): message is FlushMessage {
  if (typeof message !== "object" || message === null) return false;
  const { type, tags } = message as Partial<FlushMessage>;
  return type === FLUSH_MESSAGE && Array.isArray(tags) && tags.every((t) => typeof t === "string");
}

/** Tells the app's other processes on this machine that `tags` were flushed (none: no-op). */
export function announceFlush(tags: readonly string[]): void {
  if (cluster.isWorker) process.send?.({ type: FLUSH_MESSAGE, tags: [...tags] });
}

/** Calls `flush` with the tags another process flushed. Call once per process. */
export function listenForFlushes(flush: (tags: readonly string[]) => void): void {
  if (!cluster.isWorker) return;
  process.on("message", (message: unknown) => {
    if (isFlushMessage(message)) flush(message.tags);
  });
}
