import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";

/**
 * Verified requests fan out into one fulfilment task per affected data system, in the
 * verification's transaction. (Filled in by the fulfilment engine.)
 */
export async function fanOutTasks(
  tx: Tx,
  input: { requestId: string; actor: Pick<Actor, "userId" | "role" | "ip"> },
): Promise<void> {
  void tx;
  void input;
}
