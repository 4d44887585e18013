import { runDatabaseCli } from "./cli";
import { isUpToDate, listMigrations, migrationStatus, redactUrl } from "./migrations";

// `npm run db:status`: where the database stands against prisma/migrations. Exits 1 when anything
// needs attention, so deploy scripts and CI can gate on it.

await runDatabaseCli(async (db) => {
  const local = await listMigrations();
  const status = await migrationStatus({ url: db.url });
  console.log(`Database: ${db.embedded ? db.source : redactUrl(db.url)}`);
  console.log(
    `${local.length} migration(s) in prisma/migrations, ${status.applied.length} applied.`,
  );
  const sections: [string, string[]][] = [
    ["Pending (run `npm run db:migrate`)", status.pending],
    [
      "Edited after being applied (restore the file, or add a new migration instead)",
      status.edited,
    ],
    ["Failed (fix, then mark the row rolled back in _prisma_migrations)", status.failed],
    ["Applied to the database but missing from prisma/migrations", status.missing],
  ];
  for (const [title, names] of sections) {
    if (names.length === 0) continue;
    console.log(`\n${title}:`);
    for (const name of names) console.log(`  - ${name}`);
  }
  if (isUpToDate(status)) console.log("\nDatabase is up to date.");
  else process.exitCode = 1;
});
