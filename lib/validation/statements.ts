import { z } from "@/lib/validation/zod";

import { STATEMENT_FIELDS } from "./choices";

// The organisation's public statements (complaint desk, filing by post, identity documents,
// security measures, processors, law enforcement, automated decisions), as the manager's form and
// the server action both check them. Each may be left empty: the page then says nothing of it.

const text = z.string().trim().max(4000, "validation.tooLong");

export const ZStatements = z.object(
  Object.fromEntries(STATEMENT_FIELDS.map((f) => [f, text])) as Record<
    (typeof STATEMENT_FIELDS)[number],
    typeof text
  >,
);
export type TStatements = z.infer<typeof ZStatements>;
export { STATEMENT_FIELDS };
