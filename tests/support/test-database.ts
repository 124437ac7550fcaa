import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

export type TestProvider = "sqlite" | "postgresql";

/** Which database this test process runs against: TEST_DATABASE=postgresql selects PostgreSQL. */
export function testProvider(): TestProvider {
  return process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
}

const PG_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function migrationSql(provider: TestProvider): string[] {
  const dir = join(process.cwd(), "prisma", provider, "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => readFileSync(join(dir, name, "migration.sql"), "utf8"));
}

export interface TestDatabase {
  provider: TestProvider;
  /** Environment that points lib/db at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: a temp SQLite file, or a new PostgreSQL
 * database. The committed migration SQL is applied directly (fast); `prisma migrate deploy`
 * itself is covered by tests/prisma.
 */
export async function createTestDatabase(provider: TestProvider = testProvider()): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const dataDir = mkdtempSync(join(tmpdir(), "registry-test-"));
    const sqlite = new Database(join(dataDir, "registry.db"));
    sqlite.pragma("journal_mode = WAL");
    for (const sql of migrationSql("sqlite")) sqlite.exec(sql);
    sqlite.close();
    return {
      provider,
      env: { REGISTRY_DATA_DIR: dataDir, DATABASE_URL: "" },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `registry_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const sql of migrationSql("postgresql")) await client.query(sql);
  await client.end();
  return {
    provider,
    env: { DATABASE_URL: url },
    drop: async () => {
      const dropper = new pg.Client({ connectionString: PG_ADMIN_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
