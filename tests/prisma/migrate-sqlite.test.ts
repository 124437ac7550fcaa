import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import Database from "better-sqlite3";
import { runPrisma } from "./support/processes";
import { committedMigrationNames, createTempProject, type TempProject } from "./support/temp-project";

// The real `prisma` CLI, offline, against the embedded SQLite database in a temp copy of the
// project (DATABASE_URL unset → <project>/.data/registry.db). Steps run in order on one database.

let project: TempProject;
let databaseFile: string;
const prisma = (...args: string[]) => runPrisma(args, { cwd: project.dir });

function query<T>(sql: string): T[] {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}
const tableNames = () =>
  query<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name",
  ).map((row) => row.name);
const appliedMigrations = () =>
  query<{ migration_name: string }>(
    "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name",
  ).map((row) => row.migration_name);

before(() => {
  project = createTempProject();
  databaseFile = path.join(project.dir, ".data", "registry.db");
});
after(() => project.remove());

describe("prisma CLI on SQLite, offline", () => {
  let committedTables: string[];

  test("migrate deploy creates the database and applies the committed migrations", async () => {
    const result = await prisma("migrate", "deploy");
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /All migrations have been successfully applied/);
    assert.deepEqual(appliedMigrations(), committedMigrationNames("sqlite"));
    committedTables = tableNames();
    assert.ok(committedTables.includes("_prisma_migrations"));
  });

  test("migrate status says the database is up to date", async () => {
    const result = await prisma("migrate", "status");
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /Database schema is up to date!/);
  });

  test("migrate reset --force leaves only what the migrations create (gap 3)", async () => {
    const db = new Database(databaseFile);
    db.exec(
      "CREATE TABLE stray (id INTEGER PRIMARY KEY AUTOINCREMENT); INSERT INTO stray DEFAULT VALUES; CREATE VIEW stray_view AS SELECT id FROM stray;",
    );
    db.close();
    const result = await prisma("migrate", "reset", "--force");
    assert.equal(result.code, 0, result.output);
    assert.deepEqual(tableNames(), committedTables);
    assert.deepEqual(appliedMigrations(), committedMigrationNames("sqlite"));
  });

  test("migrate dev --create-only writes a migration for a schema change without applying it", async () => {
    project.appendToSchema(
      "sqlite",
      "model PrismaOfflineProbe {\n  id   Int     @id @default(autoincrement())\n  note String?\n}",
    );
    const result = await prisma("migrate", "dev", "--create-only", "--name", "probe");
    assert.equal(result.code, 0, result.output);
    const created = project
      .migrationNames("sqlite")
      .filter((name) => !committedMigrationNames("sqlite").includes(name));
    assert.equal(created.length, 1, result.output);
    assert.match(created[0] ?? "", /_probe$/);
    const sql = readFileSync(path.join(project.migrationsDir("sqlite"), created[0] ?? "", "migration.sql"), "utf8");
    assert.match(sql, /CREATE TABLE "PrismaOfflineProbe"/);
    assert.ok(!tableNames().includes("PrismaOfflineProbe"));
  });

  test("migrate dev --name applies it and creates and applies the next change", async () => {
    project.appendToSchema("sqlite", "model PrismaOfflineProbeTwo {\n  id Int @id\n}");
    const result = await prisma("migrate", "dev", "--name", "probe_two");
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /Your database is now in sync with your schema/);
    assert.deepEqual(appliedMigrations(), project.migrationNames("sqlite"));
    assert.ok(
      project.migrationNames("sqlite").some((name) => name.endsWith("_probe_two")),
      result.output,
    );
    assert.ok(tableNames().includes("PrismaOfflineProbe") && tableNames().includes("PrismaOfflineProbeTwo"));
  });

  test("db push applies a schema change directly", async () => {
    project.appendToSchema("sqlite", "model PrismaOfflinePushed {\n  id Int @id\n}");
    const result = await prisma("db", "push");
    assert.equal(result.code, 0, result.output);
    assert.ok(tableNames().includes("PrismaOfflinePushed"));
  });

  test("prisma -v shows the stand-in as the schema engine", async () => {
    const result = await prisma("-v");
    assert.equal(result.code, 0, result.output);
    assert.match(
      result.output,
      /Schema Engine\s*:\s*schema-engine-cli [0-9a-f]{40} \(at scripts\/prisma-schema-engine\/schema-engine\.mjs/,
    );
  });

  test("a mismatched Wasm engine stops the CLI with both versions and the pin", async () => {
    const result = await runPrisma(["migrate", "status"], {
      cwd: project.dir,
      env: { PRISMA_SCHEMA_ENGINE_WASM_VERSION_OVERRIDE: "7.9.0-1.0000000000000000000000000000000000000000" },
    });
    assert.notEqual(result.code, 0);
    assert.match(result.output, /@prisma\/schema-engine-wasm 7\.9\.0-1\.0+ does not match the engines of prisma/);
    assert.match(result.output, /pin "@prisma\/schema-engine-wasm": "\d+\.\d+\.\d+-\d+\.[0-9a-f]{40}"/);
  });
});
