import "server-only";

import { parseDocument, stringify } from "yaml";

import type { Actor } from "@/lib/auth/actor";
import { assertRecentPasskey } from "@/lib/auth/second-factor";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { TaskFailure } from "@/lib/fulfilment/engine/failure";
import { engineOfUrl } from "@/lib/fulfilment/engine/connectors/sql/driver";
import { ZSqlDataset, type TSqlDataset } from "@/lib/fulfilment/engine/connectors/sql/dataset";
import { checkSqlSystem } from "@/lib/fulfilment/engine/connectors/sql";
import { problemText, type SchemaProblem } from "@/lib/fulfilment/engine/connectors/sql/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { parseMasterKey, sealSecret } from "@/lib/storage/envelope";
import type { TSqlDatasetForm } from "@/lib/validation/sql-dataset";

import { assertCanConfigure, auditConfig, notFoundError } from "./shared";
import { recordConnectionTest } from "./test-system";

// A SQL system's dataset and connection (issue 18), as a manager edits them: the YAML they wrote is
// kept with the parsed dataset (its comments survive), the connection URL is sealed under
// MASTER_KEY for this system and never read back to a page, and a test opens the connection and
// checks the dataset against the live schema. Audit events name the system, never the URL.

/** One thing wrong with the YAML: where (a path such as tables.1.join) and what. */
export interface DatasetIssue {
  path: string;
  message: MessageKey;
  /** The YAML's own line, for a syntax error. */
  line?: number;
}

/** A dataset to start from: the shape, with comments, for a members table and its orders. */
export const STARTER_DATASET = `# The database and how a person is found in it (see README: SQL datasets).
engine: postgresql        # or mysql (MySQL and MariaDB)
accessOnly: false         # true: disclosure only, read-only credentials are enough
statementTimeoutMs: 5000
tables:
  - name: members
    primaryKey: id
    identity:             # any of these finds the person
      - { column: email, match: email }
      - { column: member_no, match: externalId }
    columns:
      - { name: email, category: email, erase: { strategy: mask, value: "erased-{row}@invalid" } }
      - { name: name, field: fullName, category: name, erase: { strategy: set_null } }
  - name: orders
    primaryKey: id
    join: { parent: members, column: member_id, parentColumn: id }
    columns:
      - { name: ordered_at, category: purchase_history, erase: { strategy: keep, reason: "会計記録として7年間保存します" } }
`;

async function sqlSystem(id: string) {
  const system = await getDb().dataSystem.findUnique({
    where: { id },
    select: { id: true, key: true, connector: true, config: true, connectionSecret: true },
  });
  if (!system) throw notFoundError();
  if (system.connector !== "SQL") throw new AppError("INVALID_INPUT", "settingsSql.errors.notSql");
  return system;
}

const record = (v: unknown) =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** What the page shows: the YAML to edit, and whether a connection is stored (never the URL). */
export async function readSqlDataset(options: { actor: Actor; systemId: string }) {
  assertCanConfigure(options.actor);
  const system = await sqlSystem(options.systemId);
  const config = record(system.config);
  const parsed = ZSqlDataset.safeParse(config);
  const yaml =
    typeof config.source === "string"
      ? config.source
      : parsed.success
        ? stringify(parsed.data)
        : STARTER_DATASET;
  return { yaml, valid: parsed.success, hasConnection: system.connectionSecret !== null };
}

/** The YAML's problems; empty when it is a dataset. */
export function datasetIssues(yaml: string): { issues: DatasetIssue[]; dataset?: unknown } {
  const document = parseDocument(yaml);
  // The first syntax error only: the ones after it mostly follow from it.
  const [error] = document.errors;
  if (error)
    return {
      issues: [{ path: "", message: "settingsSql.errors.yaml", line: error.linePos?.[0]?.line }],
    };
  const parsed = ZSqlDataset.safeParse(document.toJS());
  if (parsed.success) return { issues: [], dataset: parsed.data };
  return {
    issues: parsed.error.issues.slice(0, 20).map((issue) => ({
      path: issue.path.join("."),
      message: issue.message.startsWith("settingsSql.")
        ? (issue.message as MessageKey)
        : "settingsSql.errors.shape",
    })),
  };
}

/**
 * Saves the dataset (when it is one) and, when given, the connection URL; answers the YAML's
 * problems instead when it is not, changing nothing.
 */
export async function saveSqlDataset(options: { actor: Actor; input: TSqlDatasetForm }) {
  const { actor, input } = options;
  assertCanConfigure(actor);
  assertRecentPasskey(actor);
  const system = await sqlSystem(input.id);
  const { issues, dataset } = datasetIssues(input.dataset);
  if (issues.length > 0) return { issues };
  // Every category a column names must be one of the data map's: items are filed under it.
  const parsed = dataset as TSqlDataset;
  const categories = new Set(
    (await getDb().dataCategory.findMany({ select: { key: true } })).map((c) => c.key),
  );
  const unknown: DatasetIssue[] = parsed.tables.flatMap((table, t) =>
    table.columns.flatMap((column, c) =>
      categories.has(column.category)
        ? []
        : [
            {
              path: `tables.${t}.columns.${c}.category`,
              message: "settingsSql.errors.unknownCategory",
            },
          ],
    ),
  );
  if (unknown.length > 0) return { issues: unknown };
  const engine = parsed.engine;
  if (input.connectionUrl && engineOfUrl(input.connectionUrl) !== engine)
    return { issues: [{ path: "engine", message: "settingsSql.errors.engineUrl" as MessageKey }] };
  await getDb().$transaction(async (tx) => {
    await tx.dataSystem.update({
      where: { id: system.id },
      data: {
        config: { ...(dataset as Prisma.InputJsonObject), source: input.dataset },
        ...(input.connectionUrl
          ? {
              connectionSecret: sealSecret({
                plaintext: input.connectionUrl,
                masterKey: parseMasterKey(getEnv().MASTER_KEY),
                binding: system.id,
              }),
            }
          : {}),
      },
    });
    await auditConfig(tx, actor, {
      action: "config.system.dataset",
      entityType: "DataSystem",
      entityId: system.id,
      data: { key: system.key, connectionChanged: input.connectionUrl !== "" },
    });
  });
  return { issues: [] as DatasetIssue[] };
}

export interface ConnectionTest {
  ok: boolean;
  /** Why it could not connect (a failure code, fulfilment.tasks.failure.*). */
  failure?: string;
  problems: SchemaProblem[];
}

/**
 * Opens the stored connection and checks the saved dataset against the database; the outcome is
 * kept on the system (its health panel) and audited.
 */
export async function testSqlSystem(options: {
  actor: Actor;
  id: string;
}): Promise<ConnectionTest> {
  assertCanConfigure(options.actor);
  const system = await sqlSystem(options.id);
  const result = await runTest(system);
  // Stored as a task failure is ("code" or "code:detail"), so it reads the same way.
  const problem =
    result.failure ??
    (result.problems[0] ? `dataset_mismatch:${problemText(result.problems[0])}` : null);
  await recordConnectionTest(options.actor, system, problem);
  return result;
}

async function runTest(system: { id: string; config: unknown }): Promise<ConnectionTest> {
  try {
    const problems = await checkSqlSystem(getDb(), system);
    return { ok: problems.length === 0, problems };
  } catch (error) {
    if (error instanceof TaskFailure) return { ok: false, failure: error.code, problems: [] };
    throw error;
  }
}
