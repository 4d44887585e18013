import { defineConfig } from "prisma/config";

// The URL is only needed by Prisma's CLI commands that talk to a database; the project's own
// migration scripts (scripts/db/) and the app read it from lib/env.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/dsar" },
});
