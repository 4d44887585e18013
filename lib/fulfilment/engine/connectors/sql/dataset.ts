import { z } from "@/lib/validation/zod";

// A SQL dataset (issue 18): how a person's data is found and treated in one of the
// organisation's own databases, described by a manager instead of programmed. Stored as the
// system's `config` (DataSystem.config); the connection URL with its password is stored sealed
// apart from it (DataSystem.connectionSecret, lib/secrets/sealed.ts) and never shown again.
//
//   engine: postgresql            # or mysql (MySQL and MariaDB)
//   tables:
//     - name: members             # a table the person is found in by an identity column
//       primaryKey: id
//       identity: [{ column: email, match: email }, { column: member_no, match: externalId }]
//       columns:
//         - { name: email, field: email, category: contact, erase: { strategy: mask, value: "erased-{row}@invalid" } }
//         - { name: name, field: name, category: identity, erase: { strategy: set_null } }
//     - name: orders              # related rows, joined to their parent
//       primaryKey: id
//       join: { parent: members, column: member_id, parentColumn: id }
//       columns:
//         - { name: address, field: shipping_address, category: contact, erase: { strategy: keep, reason: "商法の保存義務" } }
//
// Every identifier is checked against the live schema before a task touches anything
// (schema.ts); values only ever travel as query parameters.

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const identifier = z.string().regex(IDENTIFIER, { error: "settingsSql.errors.identifier" });
const key = z.string().min(1).max(64);

export const ERASE_STRATEGIES = ["delete_row", "set_null", "mask", "hash", "keep"] as const;
export type EraseStrategy = (typeof ERASE_STRATEGIES)[number];

export const ZEraseRule = z.discriminatedUnion("strategy", [
  /** The whole row goes (with the rows joined to it, which must say delete_row too). */
  z.object({ strategy: z.literal("delete_row") }),
  z.object({ strategy: z.literal("set_null") }),
  /** A fixed value; `{row}` is replaced by the row's primary key (for unique columns). */
  z.object({ strategy: z.literal("mask"), value: z.string().min(1).max(200).default("***") }),
  /** HMAC-SHA-256 under a key of this system's (64 hex characters): equal values stay equal. */
  z.object({ strategy: z.literal("hash") }),
  /** Kept, with the legal reason the person is told. */
  z.object({ strategy: z.literal("keep"), reason: z.string().trim().min(1).max(500) }),
]);
export type TEraseRule = z.infer<typeof ZEraseRule>;

const ZColumn = z.object({
  name: identifier,
  /** The field key items carry (its labels are the system's DataField); the column name if absent. */
  field: key.optional(),
  /** The data category the column holds (a DataCategory key). */
  category: key,
  /** Whether a disclosure includes it. */
  disclose: z.boolean().default(true),
  /** What an erasure does to it; a column without a rule is left as it is. */
  erase: ZEraseRule.optional(),
});

const ZTable = z.object({
  name: identifier,
  primaryKey: identifier,
  /** How the person is found: any one of these columns matching what the portal knows of them. */
  identity: z
    .array(z.object({ column: identifier, match: z.enum(["email", "externalId", "phone"]) }))
    .min(1)
    .max(5)
    .optional(),
  /** An identity table holds one row per person unless it says otherwise (a log, say). */
  manyRowsPerPerson: z.boolean().default(false),
  /** Rows related to a parent table's rows: `column` here equals `parentColumn` there. */
  join: z.object({ parent: identifier, column: identifier, parentColumn: identifier }).optional(),
  columns: z.array(ZColumn).min(1).max(100),
});

export const ZSqlDataset = z
  .object({
    engine: z.enum(["postgresql", "mysql"]),
    /** Disclosure only: the connector never writes (read-only credentials are enough). */
    accessOnly: z.boolean().default(false),
    /** Each statement's limit on the database server. */
    statementTimeoutMs: z.number().int().min(100).max(60_000).default(5_000),
    tables: z.array(ZTable).min(1).max(30),
    /** How use of the person's data is stopped: a flag column set on their identity rows. */
    stopUse: z
      .object({ table: identifier, column: identifier, value: z.string().max(100) })
      .optional(),
  })
  .superRefine((dataset, ctx) => {
    for (const problem of datasetProblems(dataset)) ctx.addIssue({ code: "custom", ...problem });
  });
export type TSqlDataset = z.infer<typeof ZSqlDataset>;
export type TSqlTable = TSqlDataset["tables"][number];
export type TSqlColumn = TSqlTable["columns"][number];

type Problem = { message: string; path: (string | number)[] };

/** What the shape alone cannot say: names that must exist, joins that must lead to a person. */
function datasetProblems(dataset: {
  tables: TSqlTable[];
  stopUse?: { table: string; column: string } | undefined;
}): Problem[] {
  const problems: Problem[] = [];
  const byName = new Map<string, TSqlTable>();
  dataset.tables.forEach((table, t) => {
    if (byName.has(table.name))
      problems.push({ message: "settingsSql.errors.duplicateTable", path: ["tables", t, "name"] });
    byName.set(table.name, table);
    if (!table.identity === !table.join)
      problems.push({ message: "settingsSql.errors.identityOrJoin", path: ["tables", t] });
    const names = new Set<string>();
    table.columns.forEach((column, c) => {
      if (names.has(column.name))
        problems.push({
          message: "settingsSql.errors.duplicateColumn",
          path: ["tables", t, "columns", c, "name"],
        });
      names.add(column.name);
    });
    const strategies = new Set(table.columns.map((c) => c.erase?.strategy));
    if (strategies.has("delete_row") && strategies.has("keep"))
      problems.push({ message: "settingsSql.errors.deleteAndKeep", path: ["tables", t] });
  });
  // Every field key means one column, so a correction of a field reaches one place.
  const fields = new Map<string, string>();
  dataset.tables.forEach((table, t) =>
    table.columns.forEach((column, c) => {
      const field = fieldOf(column);
      if (fields.has(field))
        problems.push({
          message: "settingsSql.errors.duplicateField",
          path: ["tables", t, "columns", c, "field"],
        });
      fields.set(field, table.name);
    }),
  );
  dataset.tables.forEach((table, t) => {
    if (!table.join) return;
    const parent = byName.get(table.join.parent);
    if (!parent || parent === table)
      problems.push({ message: "settingsSql.errors.unknownParent", path: ["tables", t, "join"] });
    // A row deleted with its parent: a table joined to a deleted one must be deleted too.
    const parentDeletes = parent?.columns.some((c) => c.erase?.strategy === "delete_row");
    const deletes = table.columns.some((c) => c.erase?.strategy === "delete_row");
    if (parentDeletes && !deletes && table.join.parentColumn === parent?.primaryKey)
      problems.push({ message: "settingsSql.errors.orphanRows", path: ["tables", t] });
  });
  // No cycles: following parents from any table reaches an identity table.
  dataset.tables.forEach((table, t) => {
    const seen = new Set<string>();
    let at: TSqlTable | undefined = table;
    while (at?.join) {
      if (seen.has(at.name)) {
        problems.push({ message: "settingsSql.errors.joinCycle", path: ["tables", t, "join"] });
        break;
      }
      seen.add(at.name);
      at = byName.get(at.join.parent);
    }
  });
  if (dataset.stopUse) {
    const table = byName.get(dataset.stopUse.table);
    if (!table?.identity)
      problems.push({ message: "settingsSql.errors.stopUseTable", path: ["stopUse", "table"] });
  }
  return problems;
}

/** The field key a column's items carry. */
export const fieldOf = (column: TSqlColumn) => column.field ?? column.name;

/**
 * The tables in dependency order: each after the table it joins (parents first). An erasure
 * walks it backwards, so rows go before the rows they point to.
 */
export function tablesInOrder(dataset: TSqlDataset): TSqlTable[] {
  const placed = new Set<string>();
  const out: TSqlTable[] = [];
  while (out.length < dataset.tables.length) {
    const next = dataset.tables.filter(
      (t) => !placed.has(t.name) && (!t.join || placed.has(t.join.parent)),
    );
    if (next.length === 0) break; // a cycle: refused by ZSqlDataset
    for (const table of next) {
      placed.add(table.name);
      out.push(table);
    }
  }
  return out;
}
