import { createClient, prepareSqlite, type Db } from "./db/create-client";
import { createGenerationReader, type GenerationReader } from "./db/generation-reader";
import { ensureDatabaseDirectory, resolveDatabaseTarget, type DatabaseTarget } from "@/lib/db/database-target.mjs";

type DatabaseProvider = DatabaseTarget["provider"];

export type { Db } from "./db/create-client";
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

interface DbState {
  client: Db;
  provider: DatabaseProvider;
  ready: Promise<void>;
  generation: GenerationReader;
}

const globalForDb = globalThis as unknown as { __registryDb?: DbState };

function connect(): DbState {
  // The same resolution prisma.config.ts uses, so the CLI and the app always open one database.
  const target = resolveDatabaseTarget(process.env);
  ensureDatabaseDirectory(target);
  const client = createClient(target);
  const ready = target.provider === "sqlite" ? prepareSqlite(client) : Promise.resolve();
  return { client, provider: target.provider, ready, generation: createGenerationReader(target) };
}

/** The one Prisma client of the process (kept on globalThis so dev reloads reuse it). */
function state(): DbState {
  globalForDb.__registryDb ??= connect();
  return globalForDb.__registryDb;
}

export function getDb(): Db {
  return state().client;
}

/** Resolves once per-connection settings (SQLite pragmas) are applied. */
export function dbReady(): Promise<void> {
  return state().ready;
}

/** The IAM generation of the process's database, read through the driver (see lib/db/generation-reader.ts). */
export function readDbGeneration(db: Db): Promise<number> | null {
  const current = globalForDb.__registryDb;
  return current && current.client === db ? current.generation.read() : null;
}

export function dbProvider(): DatabaseProvider {
  return state().provider;
}

/** Case-insensitive `contains` on both providers (SQLite LIKE is already case-insensitive for ASCII). */
export function containsInsensitive(value: string): { contains: string } {
  return dbProvider() === "postgresql"
    ? ({ contains: value, mode: "insensitive" } as { contains: string })
    : { contains: value };
}

/** For tests and scripts that need a fresh client after changing the environment. */
export async function disconnectDb(): Promise<void> {
  const current = globalForDb.__registryDb;
  globalForDb.__registryDb = undefined;
  if (current) await Promise.all([current.client.$disconnect(), current.generation.close()]);
}
