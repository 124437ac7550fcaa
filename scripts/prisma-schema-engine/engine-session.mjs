import { readFileSync } from "node:fs";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { createAdapterFactory } from "./adapter-factory.mjs";
import { canConnectToDatabase, createDatabase } from "./database-commands.mjs";
import { loadWasmSchemaEngine } from "./load-wasm-engine.mjs";
import { migrationFailedToApply } from "./user-facing-error.mjs";

// Methods whose params and results the Wasm engine shares with the native engine's JSON-RPC API.
const FORWARDED = new Set([
  "dbExecute",
  "devDiagnostic",
  "ensureConnectionValidity",
  "introspect",
  "introspectSql",
  "markMigrationRolledBack",
  "schemaPush",
]);

/**
 * One engine per process, as the native engine: the Wasm engine is created (and connects) on
 * the first request that needs it, so connection errors answer that request.
 */
export function openEngineSession({ datamodelPaths, datasource, print, log }) {
  const factory = createAdapterFactory(datasource);
  const boundFactory = bindMigrationAwareSqlAdapterFactory(factory);
  const isSqlite = factory.provider === "sqlite";
  const datamodels =
    datamodelPaths.length > 0 ? datamodelPaths.map((file) => [file, readFileSync(file, "utf8")]) : undefined;
  let enginePromise;

  const startEngine = async () => {
    // The Wasm engine reports connection failures without their P-code; check first ourselves.
    const [glue] = await Promise.all([loadWasmSchemaEngine(), isSqlite || canConnectToDatabase(datasource.url)]);
    return glue.SchemaEngine.new({ datamodels }, log, boundFactory);
  };
  const engine = () => {
    enginePromise ??= startEngine().catch((error) => {
      enginePromise = undefined;
      throw error;
    });
    return enginePromise;
  };

  // Gap 4: evaluateDataLoss and createMigration get no adapter factory inside the Wasm engine;
  // they read the migrations' schema from a cache that diagnoseMigrationHistory fills.
  const withMigrationSchemaCache = async (method, params) => {
    const wasm = await engine();
    try {
      return await wasm[method](params);
    } catch (error) {
      if (!/must be provided through an external factory/.test(error?.message ?? "")) throw error;
      const { migrationsList, filters } = params;
      await wasm.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: true, filters });
      return wasm[method](params);
    }
  };

  const handlers = {
    async getDatabaseVersion() {
      return (await engine()).version();
    },
    async createDatabase() {
      return { databaseName: await createDatabase(datasource.url) };
    },
    async debugPanic() {
      (await engine()).debugPanic();
    },
    async diff(params) {
      const { stdout, ...result } = await (await engine()).diff(params);
      if (stdout) print(stdout);
      return { ...result, stdout: null };
    },
    evaluateDataLoss: (params) => withMigrationSchemaCache("evaluateDataLoss", params),
    createMigration: (params) => withMigrationSchemaCache("createMigration", params),
    async diagnoseMigrationHistory(params) {
      const result = await (await engine()).diagnoseMigrationHistory(params);
      // Gap 1 follow-up: the engine saw an empty table where there is none.
      return isSqlite ? { ...result, hasMigrationsTable: factory.hasMigrationsTable() } : result;
    },
    async applyMigrations(params) {
      const wasm = await engine();
      factory.takeLastScriptError();
      try {
        return await wasm.applyMigrations(params);
      } catch (error) {
        const scriptError = factory.takeLastScriptError();
        if (!scriptError || error?.code) throw error;
        const { migrationsList, filters } = params;
        const history = await wasm.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters });
        throw migrationFailedToApply(history.failedMigrationNames.at(-1), scriptError);
      }
    },
    async markMigrationApplied(params) {
      const wasm = await engine();
      // The native engine creates the migrations table here (baselining an existing database).
      if (isSqlite) factory.ensureMigrationsTable();
      return wasm.markMigrationApplied(params);
    },
    async reset(params) {
      const wasm = await engine();
      if (isSqlite) factory.recreateDatabaseFile();
      else await wasm.reset(params);
    },
  };

  return {
    errorRegistry: boundFactory.errorRegistry,
    async call(method, params) {
      if (Object.hasOwn(handlers, method)) return handlers[method](params);
      if (FORWARDED.has(method)) return (await engine())[method](params);
      throw Object.assign(new Error(`The schema engine stand-in does not implement \`${method}\`.`), {
        rpcCode: -32601,
      });
    },
    close: () => factory.closeAll(),
  };
}
