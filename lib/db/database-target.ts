import { mkdirSync } from "node:fs";
import { resolve } from "node:path";

export type DatabaseProvider = "sqlite" | "postgresql";

export interface DatabaseTarget {
  provider: DatabaseProvider;
  /** A postgres:// URL, or the absolute path of the SQLite file. */
  url: string;
  sqliteFile?: string;
}

/** PostgreSQL when DATABASE_URL is a postgres URL; otherwise the embedded SQLite file. */
export function resolveDatabaseTarget(env: Record<string, string | undefined> = process.env): DatabaseTarget {
  const databaseUrl = env.DATABASE_URL?.trim();
  if (databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
      throw new Error("DATABASE_URL must start with postgres:// or postgresql:// (unset it for the embedded database)");
    }
    return { provider: "postgresql", url: databaseUrl };
  }
  const dataDir = resolve(/*turbopackIgnore: true*/ env.REGISTRY_DATA_DIR?.trim() || "./.data");
  mkdirSync(dataDir, { recursive: true });
  const sqliteFile = resolve(/*turbopackIgnore: true*/ dataDir, "registry.db");
  return { provider: "sqlite", url: sqliteFile, sqliteFile };
}
