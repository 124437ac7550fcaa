import path from "node:path";
import { defineConfig } from "prisma/config";
import { ensureDatabaseDirectory, resolveDatabaseTarget } from "./lib/db/database-target.mjs";

// Prisma cannot download its native schema engine on these machines; the stand-in forwards to
// @prisma/schema-engine-wasm. It must be set before the CLI resolves its engine, i.e. here.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(
  import.meta.dirname,
  "scripts/prisma-schema-engine/schema-engine.mjs",
);

const target = resolveDatabaseTarget(process.env, { cwd: import.meta.dirname });
ensureDatabaseDirectory(target);

export default defineConfig({
  schema: target.schemaPath,
  migrations: { path: target.migrationsPath },
  datasource: {
    url: target.url,
    ...(target.shadowDatabaseUrl ? { shadowDatabaseUrl: target.shadowDatabaseUrl } : {}),
  },
});
