"use server";

import { cookies } from "next/headers";

import { defineAction } from "@/lib/actions/safe-action";
import { getEnv } from "@/lib/env";
import { QUEUE_SEARCH_COOKIE, QUEUE_SEARCH_MAX_AGE, ZQueueSearch } from "@/lib/validation/queue";

// The queue's search by reference or by subject. The term can be a name or an email address, so
// it is posted here and kept in a short-lived httpOnly cookie the queue page reads, rather than
// put in the query string (lib/validation/queue.ts, QUEUE_SEARCH_COOKIE). An empty term clears it.
export const setQueueSearch = defineAction(
  { name: "setQueueSearch", schema: ZQueueSearch, permission: "queue:read" },
  async (input) => {
    const jar = await cookies();
    const path = `/${input.locale}/staff`;
    if (input.term === "") {
      jar.delete({ name: QUEUE_SEARCH_COOKIE, path });
      return { active: false };
    }
    jar.set(QUEUE_SEARCH_COOKIE, input.term, {
      httpOnly: true,
      sameSite: "strict",
      path,
      maxAge: QUEUE_SEARCH_MAX_AGE,
      secure: getEnv().AUTH_URL?.startsWith("https://") ?? false,
    });
    return { active: true };
  },
);
