import { z } from "@/lib/validation/zod";

import { JURISDICTIONS } from "@/lib/requests/jurisdiction";

import { ZRequestRef } from "./requests";

/** Staff change which laws a request answers to, saying why (audited; the deadline follows). */
export const ZSetJurisdictions = ZRequestRef.extend({
  jurisdictions: z
    .array(z.enum(JURISDICTIONS))
    .min(1, "jurisdictions.errors.chooseOne")
    .max(JURISDICTIONS.length),
  note: z
    .string()
    .trim()
    .min(1, "jurisdictions.errors.noteRequired")
    .max(2000, "validation.noteTooLong"),
});
export type TSetJurisdictions = z.infer<typeof ZSetJurisdictions>;
