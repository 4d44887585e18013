import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// pglite-socket 0.2.17 serves every connection from one PGlite session through a queue of
// protocol messages. It keeps a transaction's messages together, but not the messages of one
// extended-protocol query (Parse, Bind, Describe, Execute … Sync): with several connections at
// once another client's Parse lands between them and replaces the unnamed statement ("unnamed
// prepared statement does not exist", or worse, the wrong statement bound). This replaces the
// queue's processing loop with one that also keeps each query's messages together, from its
// first message to its Sync. (scripts/lib/embedded-db.test.ts shows the failure it prevents.)

interface Entry {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
}

interface QueryQueue {
  queue: Entry[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
}

// Frontend messages that open or continue an extended-protocol query; Sync ('S') ends it, a
// simple Query ('Q') stands alone.
const EXTENDED = new Set(["P", "B", "D", "E", "C", "H"].map((c) => c.charCodeAt(0)));

export function keepQueriesTogether(server: PGLiteSocketServer): void {
  const q = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  if (!q || typeof q.processQueue !== "function" || !Array.isArray(q.queue))
    throw new Error("pglite-socket's query queue is not what scripts/lib/pglite-queue.ts expects");
  // The connection whose query (or transaction) is under way; only its messages run meanwhile.
  let midQuery: number | null = null;

  q.processQueue = async function processQueue() {
    if (q.processing || q.queue.length === 0) return;
    q.processing = true;
    try {
      while (q.queue.length > 0) {
        const owner = midQuery ?? (q.db.isInTransaction() ? q.lastHandlerId : null);
        const index = owner === null ? 0 : q.queue.findIndex((e) => e.handlerId === owner);
        if (index === -1) break; // the owner's next message has not arrived yet
        const entry = q.queue.splice(index, 1)[0]!;
        let bytes = 0;
        try {
          await q.db.runExclusive(() =>
            q.db.execProtocolRawStream(entry.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                entry.onData(data);
              },
            }),
          );
        } catch (error) {
          midQuery = null;
          entry.reject(error);
          continue;
        }
        const type = entry.message[0];
        midQuery = type !== undefined && EXTENDED.has(type) ? entry.handlerId : null;
        q.lastHandlerId = entry.handlerId;
        entry.resolve(bytes);
      }
    } finally {
      q.processing = false;
    }
  };

  // A connection that goes away mid-query must not hold the others up.
  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    if (midQuery === handlerId) {
      midQuery = null;
      void q.processQueue();
    }
  };
}
