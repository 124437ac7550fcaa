import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { providerOfUrl } from "./database-url.mjs";
import { runOnServer } from "./postgres-adapter.mjs";
import { parsePostgresUrl, quoteIdentifier } from "./postgres-connection.mjs";
import { sqliteFilePath } from "./sqlite-file.mjs";
import { UserFacingError } from "./user-facing-error.mjs";

// The native engine's `cli` subcommands, also behind the `createDatabase` JSON-RPC method.
// Each resolves to the database name or throws (UserFacingError for the CLI's P-codes).

export async function canConnectToDatabase(url) {
  if (providerOfUrl(url) === "sqlite") {
    const file = existingSqliteFile(url);
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      db.prepare("SELECT 1").get();
    } finally {
      db.close();
    }
    return path.basename(file);
  }
  const { config } = parsePostgresUrl(url);
  await runOnServer(config, "SELECT 1");
  return config.database;
}

export async function createDatabase(url) {
  if (providerOfUrl(url) === "sqlite") {
    const file = sqliteFilePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    new Database(file).close();
    return path.basename(file);
  }
  const { config } = parsePostgresUrl(url);
  await runOnServer(maintenanceDatabase(config), `CREATE DATABASE ${quoteIdentifier(config.database)}`, config);
  return config.database;
}

export async function dropDatabase(url) {
  if (providerOfUrl(url) === "sqlite") {
    const file = existingSqliteFile(url);
    for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    return path.basename(file);
  }
  const { config } = parsePostgresUrl(url);
  await runOnServer(maintenanceDatabase(config), `DROP DATABASE ${quoteIdentifier(config.database)}`, config);
  return config.database;
}

function existingSqliteFile(url) {
  const file = sqliteFilePath(url);
  if (!existsSync(file)) {
    throw new UserFacingError("P1003", `Database \`${path.basename(file)}\` does not exist at \`${file}\`.`, {
      database_file_name: path.basename(file),
      database_file_path: file,
    });
  }
  return file;
}

// CREATE/DROP DATABASE cannot run inside the database concerned.
function maintenanceDatabase(config) {
  return { ...config, database: config.database === "postgres" ? "template1" : "postgres" };
}
