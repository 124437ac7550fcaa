import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { postgresDatabase, type PostgresDatabase } from "./support/postgres-database";
import { runPrisma } from "./support/processes";
import { committedMigrationNames, createTempProject, type TempProject } from "./support/temp-project";

// The real `prisma` CLI, offline, against PostgreSQL (TEST_POSTGRES_URL's server) in a temp
// copy of the project. Steps run in order on one database, which `migrate deploy` creates.

let project: TempProject;
let database: PostgresDatabase;
const prisma = (...args: string[]) => runPrisma(args, { cwd: project.dir, env: { DATABASE_URL: database.url } });

const tableNames = async () =>
  (
    await database.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    )
  ).map((row) => row.tablename);
const appliedMigrations = async () =>
  (
    await database.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name",
    )
  ).map((row) => row.migration_name);

before(() => {
  project = createTempProject();
  database = postgresDatabase("migrate");
});
after(async () => {
  project.remove();
  await database.drop();
});

describe("prisma CLI on PostgreSQL, offline", () => {
  test("migrate deploy creates the database and applies the committed migrations", async () => {
    const result = await prisma("migrate", "deploy");
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, new RegExp(`PostgreSQL database ${database.name} created`));
    assert.deepEqual(await appliedMigrations(), committedMigrationNames("postgresql"));
  });

  test("migrate status says the database is up to date", async () => {
    const result = await prisma("migrate", "status");
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /Database schema is up to date!/);
  });

  test("migrate dev --create-only diffs on a temporary shadow database, not the main one (gap 6)", async () => {
    const tablesBefore = await tableNames();
    project.appendToSchema(
      "postgresql",
      "model PrismaOfflineProbe {\n  id   Int     @id @default(autoincrement())\n  note String?\n}",
    );
    const result = await prisma("migrate", "dev", "--create-only", "--name", "probe");
    assert.equal(result.code, 0, result.output);
    const created = project
      .migrationNames("postgresql")
      .filter((name) => !committedMigrationNames("postgresql").includes(name));
    assert.equal(created.length, 1, result.output);
    const sql = readFileSync(path.join(project.migrationsDir("postgresql"), created[0] ?? "", "migration.sql"), "utf8");
    assert.match(sql, /CREATE TABLE "PrismaOfflineProbe"/);
    assert.deepEqual(await tableNames(), tablesBefore);
    assert.deepEqual(await appliedMigrations(), committedMigrationNames("postgresql"));
  });

  test("migrate dev --name applies it and creates and applies the next change", async () => {
    project.appendToSchema("postgresql", "model PrismaOfflineProbeTwo {\n  id Int @id\n}");
    const result = await prisma("migrate", "dev", "--name", "probe_two");
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /Your database is now in sync with your schema/);
    assert.deepEqual(await appliedMigrations(), project.migrationNames("postgresql"));
    assert.ok(
      project.migrationNames("postgresql").some((name) => name.endsWith("_probe_two")),
      result.output,
    );
  });

  test("db push applies a schema change directly", async () => {
    project.appendToSchema("postgresql", "model PrismaOfflinePushed {\n  id Int @id\n}");
    const result = await prisma("db", "push");
    assert.equal(result.code, 0, result.output);
    assert.ok((await tableNames()).includes("PrismaOfflinePushed"));
  });

  test("db pull introspects through the catalog types the pg adapter refuses (gap 5)", async () => {
    const result = await prisma("db", "pull", "--print");
    assert.equal(result.code, 0, result.output);
    assert.match(result.stdout, /model PrismaOfflinePushed \{/);
    assert.match(result.stdout, /model PrismaOfflineProbeTwo \{/);
  });
});
