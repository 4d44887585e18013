import { runInternalAction } from "../internal";
import { uniform } from "./connector";

// The portal's own records behind the kit's interface (connector.ts): every action changes them
// in the transaction that settles the task (lib/fulfilment/engine/internal), so it is done once.
export const internalConnector = uniform(
  "INTERNAL",
  (run) => run.settleWith((tx) => runInternalAction(tx, run.ctx)),
  async (db) => {
    await db.$queryRaw`SELECT 1`;
    return { ok: true };
  },
);
