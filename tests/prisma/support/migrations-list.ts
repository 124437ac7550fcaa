import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The `migrationsList` param the Prisma CLI sends, read from a migrations directory. */
export function readMigrationsList(baseDir: string) {
  const migrationDirectories = readdirSync(baseDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(baseDir, name, "migration.sql"), "utf8") },
      },
    }));
  const lockfile = readFileSync(path.join(baseDir, "migration_lock.toml"), "utf8");
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: lockfile },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };
