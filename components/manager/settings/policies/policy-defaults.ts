import type { PolicyFormInput } from "./policy-fields";

/** A stored rule as the form's text fields hold it (blank where there is no extension or ack). */
export function policyFormValues(row: {
  amount: number;
  unit: string;
  extensionAmount: number | null;
  extensionUnit: string | null;
  ackAmount: number | null;
  ackUnit: string | null;
  pauseAllowed: boolean;
  noteJa: string;
  noteEn: string;
}): Omit<PolicyFormInput, "jurisdiction" | "requestType"> {
  return {
    amount: String(row.amount),
    unit: row.unit as PolicyFormInput["unit"],
    extensionAmount: row.extensionAmount === null ? "" : String(row.extensionAmount),
    extensionUnit: row.extensionUnit ?? "",
    ackAmount: row.ackAmount === null ? "" : String(row.ackAmount),
    ackUnit: row.ackUnit ?? "",
    pauseAllowed: row.pauseAllowed,
    noteJa: row.noteJa,
    noteEn: row.noteEn,
  };
}
