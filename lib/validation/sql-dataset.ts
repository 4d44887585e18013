import { z } from "@/lib/validation/zod";

// The SQL dataset form (a manager's page of a SQL system): the dataset as YAML and the connection
// URL, which is written here and never shown again (empty keeps the stored one). The YAML's own
// checks (lib/fulfilment/engine/connectors/sql/dataset.ts) run on the server and come back as a
// list under the field, each with its place in the YAML.

export const ZSqlDatasetForm = z.object({
  id: z.string().min(1).max(64),
  dataset: z.string().trim().min(1, "validation.required").max(100_000, "validation.tooLong"),
  connectionUrl: z
    .string()
    .trim()
    .max(2000, "validation.tooLong")
    .refine(
      (v) => v === "" || /^(postgres|postgresql|mysql|mariadb):\/\/[^\s]+$/i.test(v),
      "settingsSql.errors.url",
    ),
});
export type TSqlDatasetForm = z.infer<typeof ZSqlDatasetForm>;
