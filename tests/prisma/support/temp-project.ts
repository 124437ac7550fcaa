import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "./processes";

export type Provider = "sqlite" | "postgresql";

export interface TempProject {
  dir: string;
  schemaPath(provider: Provider): string;
  migrationsDir(provider: Provider): string;
  /** Names of the migration directories, sorted. */
  migrationNames(provider: Provider): string[];
  appendToSchema(provider: Provider, text: string): void;
  remove(): void;
}

/** The committed migration directory names of the real project. */
export function committedMigrationNames(provider: Provider): string[] {
  return listMigrations(path.join(PROJECT_ROOT, "prisma", provider, "migrations"));
}

function listMigrations(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * A throwaway copy of the project's Prisma setup: prisma.config.ts (with the database-target module
 * it imports), both schemas with their committed migrations, and links to node_modules and the
 * schema engine stand-in.
 */
export function createTempProject(): TempProject {
  const dir = mkdtempSync(path.join(tmpdir(), "prisma-offline-"));
  symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  mkdirSync(path.join(dir, "scripts"));
  symlinkSync(
    path.join(PROJECT_ROOT, "scripts/prisma-schema-engine"),
    path.join(dir, "scripts/prisma-schema-engine"),
    "dir",
  );
  cpSync(path.join(PROJECT_ROOT, "prisma.config.ts"), path.join(dir, "prisma.config.ts"));
  mkdirSync(path.join(dir, "lib/db"), { recursive: true });
  cpSync(path.join(PROJECT_ROOT, "lib/db/database-target.mjs"), path.join(dir, "lib/db/database-target.mjs"));
  cpSync(path.join(PROJECT_ROOT, "package.json"), path.join(dir, "package.json"));
  for (const provider of ["sqlite", "postgresql"]) {
    cpSync(path.join(PROJECT_ROOT, "prisma", provider), path.join(dir, "prisma", provider), { recursive: true });
  }
  const schemaPath = (provider: Provider) => path.join(dir, "prisma", provider, "schema.prisma");
  const migrationsDir = (provider: Provider) => path.join(dir, "prisma", provider, "migrations");
  return {
    dir,
    schemaPath,
    migrationsDir,
    migrationNames: (provider) => listMigrations(migrationsDir(provider)),
    appendToSchema: (provider, text) => appendFileSync(schemaPath(provider), `\n${text}\n`),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
