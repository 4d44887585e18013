import type { Db } from "@/lib/db";
import { log } from "@/lib/log";

import { getBoss } from "./boss";
import { registerHandlers } from "./handlers";

/** Starts the job worker in this process (the app's, or `npm run worker`'s). */
export async function startWorker(db: Db, url?: string): Promise<() => Promise<void>> {
  const boss = await getBoss(url);
  await registerHandlers(boss, db);
  log.info("job worker started");
  return () => boss.stop({ graceful: true, timeout: 10_000 });
}
