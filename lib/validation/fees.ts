import { z } from "@/lib/validation/zod";

import { FEE_SETTLEMENTS } from "./choices";
export { FEE_SETTLEMENTS };

import { FEE_BASES, FEE_CURRENCIES, toMinorUnits, type TFeeCurrency } from "@/lib/requests/fees";

import { ZRequestRef } from "./requests";

// Asking the requester for a fee, and recording it paid or waived: shared by the staff forms and
// the actions. Whether this request may be charged on this basis (lib/requests/fees.ts feeBases)
// is checked by the data layer against the stored request.

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CURRENCIES = Object.keys(FEE_CURRENCIES) as [TFeeCurrency, ...TFeeCurrency[]];

export const ZAskForFee = ZRequestRef.extend({
  basis: z.enum(FEE_BASES, "validation.required"),
  currency: z.enum(CURRENCIES, "validation.required"),
  /** A decimal amount in the currency's major unit ("10", "12.50"). */
  amount: z.string().trim().min(1, "validation.required"),
  /** How to pay, as the requester reads it. */
  instructions: z.string().trim().min(1, "validation.required").max(2000, "validation.noteTooLong"),
}).superRefine((value, ctx) => {
  const minor = toMinorUnits(value.amount, value.currency);
  if (value.amount && (minor === null || minor <= 0))
    ctx.addIssue({ code: "custom", path: ["amount"], message: "fees.errors.amount" });
});
export type TAskForFee = z.infer<typeof ZAskForFee>;

export const ZSettleFee = ZRequestRef.extend({
  settlement: z.enum(FEE_SETTLEMENTS, "validation.required"),
  /** PAID: the calendar day the payment arrived (YYYY-MM-DD). */
  receivedOn: z.string().trim(),
}).superRefine((value, ctx) => {
  if (value.settlement !== "PAID") return;
  if (!DATE.test(value.receivedOn) || Number.isNaN(Date.parse(`${value.receivedOn}T00:00:00Z`)))
    ctx.addIssue({ code: "custom", path: ["receivedOn"], message: "validation.date" });
});
export type TSettleFee = z.infer<typeof ZSettleFee>;
