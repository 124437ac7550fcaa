import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import Database from "better-sqlite3";
import { readMigrationsList, NO_FILTERS } from "./support/migrations-list";
import { cleanEnv, PROJECT_ROOT, runProcess, SCHEMA_ENGINE } from "./support/processes";
import { killRunningSchemaEngines, startSchemaEngine } from "./support/schema-engine-client";
import { committedMigrationNames } from "./support/temp-project";

// The stand-in spoken to directly, the way the Prisma CLI does: flags, `cli` subcommands with
// JSON log lines on stderr, and JSON-RPC on stdin/stdout. The CLI itself runs in the
// migrate-*.test.ts files.

const requireFromPrisma = createRequire(createRequire(import.meta.url).resolve("prisma/package.json"));
const requireFromEngines = createRequire(requireFromPrisma.resolve("@prisma/engines/package.json"));
const expectedEngines = requireFromEngines("@prisma/engines-version/package.json");

const sqliteSchema = path.join(PROJECT_ROOT, "prisma/sqlite/schema.prisma");
const sqliteMigrations = readMigrationsList(path.join(PROJECT_ROOT, "prisma/sqlite/migrations"));
const tempDir = mkdtempSync(path.join(tmpdir(), "schema-engine-protocol-"));
after(() => {
  killRunningSchemaEngines();
  rmSync(tempDir, { recursive: true, force: true });
});

let fileCount = 0;
const freshSqliteUrl = (directory = "") => `file:${path.join(tempDir, directory, `db-${++fileCount}.db`)}`;
const sqliteSchemaContainer = (extra = "") => ({
  files: [{ path: sqliteSchema, content: `${readFileSync(sqliteSchema, "utf8")}\n${extra}` }],
});

function runEngine(args: string[], env: Record<string, string> = {}) {
  return runProcess(SCHEMA_ENGINE, args, { env: cleanEnv(env) });
}

/** The stderr lines the CLI parses: it drops the first line and JSON-parses the rest. */
function loggedError(stderr: string) {
  const lines = stderr
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((line) => JSON.parse(line));
  return lines.find((line) => line.level === "ERROR" && line.target === "schema_engine::logger")?.fields;
}

describe("flags and cli subcommands", () => {
  test("--version names the engines version the installed prisma expects", async () => {
    const result = await runEngine(["--version"]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `schema-engine-cli ${expectedEngines.prisma.enginesVersion}\n`);
  });

  test("a Wasm engine that does not match prisma's engines stops, naming both versions and the pin", async () => {
    const env = { PRISMA_SCHEMA_ENGINE_WASM_VERSION_OVERRIDE: "7.9.0-1.0000000000000000000000000000000000000000" };
    const version = await runEngine(["--version"], env);
    assert.equal(version.code, 1);
    assert.equal(version.stdout, "");
    assert.equal(version.stderr.trim().split("\n").length, 1);
    assert.match(version.stderr, /@prisma\/schema-engine-wasm 7\.9\.0-1\.0+ does not match/);
    assert.ok(version.stderr.includes(`"@prisma/schema-engine-wasm": "${expectedEngines.version}"`), version.stderr);

    const rpc = await runEngine(["--datasource", JSON.stringify({ url: freshSqliteUrl() })], env);
    assert.equal(rpc.code, 1);
    assert.match(loggedError(rpc.stderr)?.message ?? "", /does not match the engines of prisma/);
  });

  test("can-connect-to-database reports P1003 for a missing SQLite file, in the CLI's log format", async () => {
    const result = await runEngine([
      "--datasource",
      JSON.stringify({ url: freshSqliteUrl() }),
      "cli",
      "can-connect-to-database",
    ]);
    assert.equal(result.code, 1);
    assert.equal(loggedError(result.stderr)?.error_code, "P1003");
  });

  test("create-database and drop-database create and delete the SQLite file", async () => {
    const url = freshSqliteUrl("not/yet/there");
    const file = url.slice("file:".length);
    const args = (command: string) => ["--datasource", JSON.stringify({ url }), "cli", command];
    assert.equal((await runEngine(args("create-database"))).code, 0);
    assert.ok(existsSync(file));
    assert.equal((await runEngine(args("can-connect-to-database"))).code, 0);
    assert.equal((await runEngine(args("drop-database"))).code, 0);
    assert.ok(!existsSync(file));
  });

  test("can-connect-to-database reports P1001 for an unreachable PostgreSQL server", async () => {
    const url = "postgresql://postgres@127.0.0.1:1/nowhere";
    const result = await runEngine(["--datasource", JSON.stringify({ url }), "cli", "can-connect-to-database"]);
    assert.equal(result.code, 1);
    assert.deepEqual(
      {
        code: loggedError(result.stderr)?.error_code,
        unreachable: /Can't reach database server at `127.0.0.1:1`/.test(result.stderr),
      },
      { code: "P1001", unreachable: true },
    );
  });
});

describe("JSON-RPC", () => {
  test("a fresh SQLite database is not initialised, then migrated, then in sync (gap 1)", async () => {
    const engine = startSchemaEngine({ url: freshSqliteUrl() }, [sqliteSchema]);
    const diagnose = () =>
      engine.request("diagnoseMigrationHistory", {
        migrationsList: sqliteMigrations,
        optInToShadowDatabase: false,
        filters: NO_FILTERS,
      });

    assert.deepEqual((await diagnose()).result, {
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: false,
      history: { diagnostic: "databaseIsBehind", unappliedMigrationNames: committedMigrationNames("sqlite") },
    });
    const applied = await engine.request("applyMigrations", { migrationsList: sqliteMigrations, filters: NO_FILTERS });
    assert.deepEqual(applied.result, { appliedMigrationNames: committedMigrationNames("sqlite") });
    const after = (await diagnose()).result as { hasMigrationsTable: boolean; history: unknown };
    assert.deepEqual(
      { hasMigrationsTable: after.hasMigrationsTable, history: after.history },
      { hasMigrationsTable: true, history: null },
    );

    const version = await engine.request("getDatabaseVersion");
    assert.match(String(version.result), /^3\.\d+\.\d+/);
    const unknown = await engine.request("noSuchMethod", {});
    assert.equal(unknown.error?.code, -32601);
    engine.endInput();
    assert.deepEqual(await engine.exited, { code: 0, signal: null });
  });

  test("errors carry the native P-code: P3005 for a non-empty database without migrations", async () => {
    const url = freshSqliteUrl();
    const engine = startSchemaEngine({ url }, [sqliteSchema]);
    await engine.request("dbExecute", {
      datasourceType: { tag: "url", url },
      script: "CREATE TABLE legacy (id INTEGER);",
    });
    const response = await engine.request("applyMigrations", { migrationsList: sqliteMigrations, filters: NO_FILTERS });
    assert.equal(response.error?.data?.error_code, "P3005");
    engine.endInput();
    await engine.exited;
  });

  test("a failing migration is P3018 with its name and database error, then P3009", async () => {
    const broken = {
      ...sqliteMigrations,
      migrationDirectories: [
        ...sqliteMigrations.migrationDirectories,
        {
          path: "29990101000000_broken",
          migrationFile: {
            path: "migration.sql",
            content: { tag: "ok", value: "CREATE TABLE ok (id INTEGER);\nNOT SQL;" },
          },
        },
      ],
    };
    const engine = startSchemaEngine({ url: freshSqliteUrl() }, [sqliteSchema]);
    const failed = await engine.request("applyMigrations", { migrationsList: broken, filters: NO_FILTERS });
    assert.equal(failed.error?.data?.error_code, "P3018");
    assert.match(failed.error?.data?.message ?? "", /Migration name: 29990101000000_broken[\s\S]*syntax error/);
    const blocked = await engine.request("applyMigrations", { migrationsList: broken, filters: NO_FILTERS });
    assert.equal(blocked.error?.data?.error_code, "P3009");
    engine.endInput();
    await engine.exited;
  });

  test("diff output goes to the CLI as a print request before the result", async () => {
    const engine = startSchemaEngine({ url: freshSqliteUrl() }, [sqliteSchema]);
    const response = await engine.request("diff", {
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", ...sqliteSchemaContainer() },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    assert.deepEqual(response.result, { exitCode: 2, stdout: null });
    assert.equal(engine.prints.length, 1);
    assert.match(engine.prints[0] ?? "", /CREATE TABLE/);
    const printIndex = engine.stdoutLines.findIndex((line) => line.includes('"method":"print"'));
    const resultIndex = engine.stdoutLines.findIndex((line) => line.includes('"exitCode":2'));
    assert.ok(printIndex >= 0 && printIndex < resultIndex);
    engine.endInput();
    await engine.exited;
  });

  test("evaluateDataLoss as the first request of a process still finds the migrations' schema (gap 4)", async () => {
    const url = freshSqliteUrl();
    const first = startSchemaEngine({ url }, [sqliteSchema]);
    await first.request("applyMigrations", { migrationsList: sqliteMigrations, filters: NO_FILTERS });
    first.endInput();
    await first.exited;

    const second = startSchemaEngine({ url }, [sqliteSchema]);
    const schema = sqliteSchemaContainer("model PrismaOfflineProbe {\n  id Int @id\n}");
    const response = await second.request("evaluateDataLoss", {
      migrationsList: sqliteMigrations,
      schema,
      filters: NO_FILTERS,
    });
    assert.deepEqual(response.result, { migrationSteps: 1, unexecutableSteps: [], warnings: [] });
    second.endInput();
    await second.exited;
  });

  test("a panic is answered with is_panic and ends the process with 101", async () => {
    const engine = startSchemaEngine({ url: freshSqliteUrl() }, [sqliteSchema]);
    await engine.request("applyMigrations", { migrationsList: sqliteMigrations, filters: NO_FILTERS });
    const response = await engine.request("debugPanic");
    assert.equal(response.error?.data?.is_panic, true);
    assert.match(response.error?.data?.message ?? "", /debugPanic artificial panic/);
    assert.equal((await engine.exited).code, 101);
  });

  test("SIGTERM right after stdin closes ends cleanly with the SQLite file intact (gap 7)", async () => {
    const url = freshSqliteUrl();
    const engine = startSchemaEngine({ url }, [sqliteSchema]);
    await engine.request("applyMigrations", { migrationsList: sqliteMigrations, filters: NO_FILTERS });
    engine.endInput();
    engine.kill("SIGTERM");
    assert.deepEqual(await engine.exited, { code: 0, signal: null });
    const db = new Database(url.slice("file:".length), { readonly: true });
    const count = db.prepare("SELECT COUNT(*) AS n FROM _prisma_migrations").get() as { n: number };
    db.close();
    assert.equal(count.n, committedMigrationNames("sqlite").length);
  });
});
