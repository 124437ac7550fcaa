import { createClient, prepareSqlite, type Db } from "./db/create-client";
import { createGenerationReader, type GenerationReader } from "./db/generation-reader";
import { createUsageRowWriter, type UsageRow } from "./db/usage-row-writer";
import { rowRefusalCode } from "./db/row-refusal";
import { WriteBatch } from "./db/write-batch";
import { ensureDatabaseDirectory, resolveDatabaseTarget, type DatabaseTarget } from "@/lib/db/database-target.mjs";

type DatabaseProvider = DatabaseTarget["provider"];

export type { Db } from "./db/create-client";
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

interface DbState {
  client: Db;
  provider: DatabaseProvider;
  ready: Promise<void>;
  generation: GenerationReader;
  usage: { batch: WriteBatch<UsageRow>; close(): Promise<void> };
}

/**
 * Gateway usage is written in batches: a tools/call only queues its row. GET /api/usage sees a
 * row within USAGE_FLUSH_MS; the queue holds at most USAGE_MAX_QUEUED rows while the database is
 * unreachable (then rows are dropped and counted).
 */
const USAGE_FLUSH_MS = 200;
const USAGE_MAX_BATCH = 500;
const USAGE_MAX_QUEUED = 20_000;

const globalForDb = globalThis as unknown as { __registryDb?: DbState };

function connect(): DbState {
  // The same resolution prisma.config.ts uses, so the CLI and the app always open one database.
  const target = resolveDatabaseTarget(process.env);
  ensureDatabaseDirectory(target);
  const client = createClient(target);
  const ready = target.provider === "sqlite" ? prepareSqlite(client) : Promise.resolve();
  const writer = createUsageRowWriter(target, client);
  const batch = new WriteBatch<UsageRow>({
    label: "gateway usage",
    write: async (rows) => {
      await ready;
      await writer.insert(rows);
    },
    refusalCode: rowRefusalCode,
    maxBatch: USAGE_MAX_BATCH,
    intervalMs: USAGE_FLUSH_MS,
    maxQueued: USAGE_MAX_QUEUED,
  });
  const usage = { batch, close: () => batch.close().finally(() => writer.close()) };
  return { client, provider: target.provider, ready, generation: createGenerationReader(target), usage };
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

/** The usage batch of the process's database; null for any other client. */
export function usageBatch(db: Db): WriteBatch<UsageRow> | null {
  const current = globalForDb.__registryDb;
  return current && current.client === db ? current.usage.batch : null;
}

/** Writes every queued usage row now (tests, and readers that must see the latest calls). */
export async function flushUsage(): Promise<void> {
  await globalForDb.__registryDb?.usage.batch.flush();
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

/**
 * Closes the process's database after writing the usage rows still queued (a graceful stop,
 * scripts/serve.ts; or a test or script that needs a fresh client after changing the environment).
 */
export async function disconnectDb(): Promise<void> {
  const current = globalForDb.__registryDb;
  globalForDb.__registryDb = undefined;
  if (!current) return;
  await current.usage.close();
  await Promise.all([current.client.$disconnect(), current.generation.close()]);
}
