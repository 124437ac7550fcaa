import { mkdirSync } from "node:fs";
import path from "node:path";

// The one place that decides which database the registry uses; prisma.config.ts and the
// runtime Prisma client both read it, so the CLI and the app never disagree.
//
//   DATABASE_URL=postgres://… or postgresql://…   → PostgreSQL (SHADOW_DATABASE_URL optional)
//   DATABASE_URL=file:…                           → SQLite at that file
//   DATABASE_URL unset or empty                   → SQLite at <REGISTRY_DATA_DIR or ./.data>/registry.db
//   any other scheme                              → an error (fail closed, never a silent default)

export const SQLITE_FILE_NAME = "registry.db";

/**
 * @param {Record<string, string | undefined>} env
 * @param {{ cwd?: string }} [options] base for relative paths (the project root)
 */
export function resolveDatabaseTarget(env = process.env, { cwd = process.cwd() } = {}) {
  const url = env.DATABASE_URL?.trim();
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    return {
      provider: "postgresql",
      url,
      shadowDatabaseUrl: env.SHADOW_DATABASE_URL?.trim() || undefined,
      schemaPath: "prisma/postgresql/schema.prisma",
      migrationsPath: "prisma/postgresql/migrations",
    };
  }
  if (url && !url.startsWith("file:")) {
    const scheme = url.includes(":") ? `${url.split(":")[0]}:` : "(no scheme)";
    throw new Error(
      `DATABASE_URL must start with postgres://, postgresql:// or file: (it starts with ${scheme}); leave it unset for the embedded SQLite database.`,
    );
  }
  const sqliteFile = url
    ? path.resolve(cwd, url.slice("file:".length).split("?")[0])
    : path.resolve(cwd, env.REGISTRY_DATA_DIR?.trim() || ".data", SQLITE_FILE_NAME);
  return {
    provider: "sqlite",
    url: `file:${sqliteFile}`,
    sqliteFile,
    schemaPath: "prisma/sqlite/schema.prisma",
    migrationsPath: "prisma/sqlite/migrations",
  };
}

/** Creates the SQLite file's directory; SQLite creates the file but not its directory. */
export function ensureDatabaseDirectory(target) {
  if (target.provider === "sqlite") mkdirSync(path.dirname(target.sqliteFile), { recursive: true });
}
