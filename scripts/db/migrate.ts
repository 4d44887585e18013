import { runDatabaseCli } from "./cli";
import { applyMigrations } from "./migrations";

// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database.

await runDatabaseCli(async (db) => {
  const applied = await applyMigrations({ url: db.url });
  if (applied.length === 0) console.log("No pending migrations.");
  for (const name of applied) console.log(`Applied ${name}`);
});
