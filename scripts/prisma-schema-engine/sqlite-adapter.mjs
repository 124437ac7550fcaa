import { rmSync } from "node:fs";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import { sqliteFilePath } from "./sqlite-file.mjs";

const MIGRATIONS_TABLE = "_prisma_migrations";

// The engine's own DDL (sql-schema-connector, SQLite flavour, create_migrations_table).
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE "${MIGRATIONS_TABLE}" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);`;

const EMPTY_MIGRATIONS_TABLE = {
  columnNames: [
    "id",
    "checksum",
    "finished_at",
    "migration_name",
    "logs",
    "rolled_back_at",
    "started_at",
    "applied_steps_count",
  ],
  columnTypes: [
    ColumnTypeEnum.Text,
    ColumnTypeEnum.Text,
    ColumnTypeEnum.DateTime,
    ColumnTypeEnum.Text,
    ColumnTypeEnum.Text,
    ColumnTypeEnum.DateTime,
    ColumnTypeEnum.DateTime,
    ColumnTypeEnum.Int64,
  ],
  rows: [],
};

/**
 * better-sqlite3 through @prisma/adapter-better-sqlite3, patched where the Wasm engine and the
 * adapter disagree with the native engine (gaps 1, 2, 3 and 7 in README.md).
 */
export function createSqliteAdapterFactory({ url, shadowDatabaseUrl }) {
  const file = sqliteFilePath(url);
  const shadowFile = shadowDatabaseUrl ? sqliteFilePath(shadowDatabaseUrl) : undefined;
  const inner = new PrismaBetterSqlite3({ url: file }, shadowFile ? { shadowDatabaseUrl: shadowFile } : undefined);
  const handles = new Set();
  let mainAdapter;

  const track = (adapter) => {
    handles.add(adapter.client);
    runArgumentlessScriptsWithExec(adapter);
    return adapter;
  };
  const hasMigrationsTable = () =>
    mainAdapter.client
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
      .get(MIGRATIONS_TABLE) !== undefined;

  return {
    provider: "sqlite",
    adapterName: inner.adapterName,
    async connect() {
      mainAdapter = track(await inner.connect());
      readMissingMigrationsTableAsEmpty(mainAdapter);
      return mainAdapter;
    },
    async connectToShadowDb() {
      return track(await inner.connectToShadowDb());
    },
    hasMigrationsTable,
    ensureMigrationsTable() {
      if (!hasMigrationsTable()) mainAdapter.client.exec(CREATE_MIGRATIONS_TABLE);
    },
    // Gap 3: the Wasm engine's reset only deletes rows. The native engine deletes the file;
    // so do we, and hand the adapter a fresh handle (its methods read `this.client` per call).
    recreateDatabaseFile() {
      mainAdapter.client.close();
      for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
      const db = new Database(file);
      db.defaultSafeIntegers(true);
      handles.add(db);
      mainAdapter.client = db;
    },
    // Gap 7: the CLI sends SIGTERM right after closing stdin; close handles synchronously.
    closeAll() {
      for (const db of handles) if (db.open) db.close();
    },
  };
}

// Gap 1: on a fresh database the Wasm engine fails reading the migrations table (P1014) where
// the native engine sees "not initialised" and carries on with no applied migrations. An empty
// result gives the engine exactly that; the table itself is still created by applyMigrations,
// so a non-empty database without it still gets P3005.
function readMissingMigrationsTableAsEmpty(adapter) {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    try {
      return await queryRaw(query);
    } catch (error) {
      const missing = error?.cause?.kind === "TableDoesNotExist" && error.cause.table === MIGRATIONS_TABLE;
      if (missing && /^\s*SELECT\b/i.test(query.sql)) return structuredClone(EMPTY_MIGRATIONS_TABLE);
      throw error;
    }
  };
}

// Gap 2: whole migration scripts arrive as one argument-less executeRaw, and better-sqlite3's
// prepare() accepts one statement only (RangeError otherwise); exec() runs a whole script.
function runArgumentlessScriptsWithExec(queryable) {
  const patch = (target) => {
    const executeRaw = target.executeRaw.bind(target);
    target.executeRaw = async (query) => {
      try {
        return await executeRaw(query);
      } catch (error) {
        if (!(error instanceof RangeError) || query.args.length > 0) throw error;
        try {
          target.client.exec(query.sql);
        } catch (execError) {
          target.onError(execError);
        }
        return Number(target.client.prepare("SELECT changes()").pluck().get());
      }
    };
  };
  patch(queryable);
  const startTransaction = queryable.startTransaction.bind(queryable);
  queryable.startTransaction = async (...args) => {
    const transaction = await startTransaction(...args);
    patch(transaction);
    return transaction;
  };
}
