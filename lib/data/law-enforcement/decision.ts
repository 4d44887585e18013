import { LE_DECISIONS, type LeDecision } from "@/lib/validation/law-enforcement";

// LawEnforcementDisclosure has no decision column, so the register writes the decision as a code
// on the first line of `note` ("decision:PARTIAL"), followed by the free-text note. Rows without
// the code (the seed, older entries) were disclosures. The public counts should leave out
// refusals: `WHERE note NOT LIKE 'decision:REFUSED%'` (REFUSED_NOTE_PATTERN).

const PREFIX = "decision:";
export const REFUSED_NOTE_PATTERN = `${PREFIX}REFUSED%`;

export function encodeNote(decision: LeDecision, note: string): string {
  return note ? `${PREFIX}${decision}\n${note}` : `${PREFIX}${decision}`;
}

export function decodeNote(stored: string): { decision: LeDecision; note: string } {
  if (stored.startsWith(PREFIX)) {
    const end = stored.indexOf("\n");
    const code = stored.slice(PREFIX.length, end === -1 ? undefined : end);
    const decision = LE_DECISIONS.find((d) => d === code);
    if (decision) return { decision, note: end === -1 ? "" : stored.slice(end + 1) };
  }
  return { decision: "DISCLOSED", note: stored };
}
