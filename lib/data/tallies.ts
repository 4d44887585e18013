// The tallies the database keeps (issue 17; prisma/schema.prisma `Tally`, migration *_tallies):
// the folded counts and the deltas not folded yet, as one relation. Read in one statement, they
// are one consistent snapshot, equal to a recount of the rows they count.
export const TALLIES = `(SELECT dimension, key, n FROM "Tally"
  UNION ALL SELECT dimension, key, n FROM "TallyDelta")`;

/** A two-part key ("<first> <rest>"): its first part, and the rest (which may hold spaces). */
export const FIRST_PART = (key: string) => `split_part(${key}, ' ', 1)`;
export const REST_PART = (key: string) => `substr(${key}, strpos(${key}, ' ') + 1)`;
