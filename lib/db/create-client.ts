import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgresql/client";
import type { DatabaseTarget } from "@/lib/db/database-target.mjs";

/**
 * Both generated clients come from the same models (prisma/models.prisma), so their APIs are
 * the same; the SQLite client's types stand for both.
 */
export type Db = SqliteClient;

export function createClient(target: DatabaseTarget): Db {
  if (target.provider === "postgresql") {
    const adapter = new PrismaPg({ connectionString: target.url, max: 10 });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  // busy timeout: concurrent writers (a second process, a CLI) wait instead of failing.
  const adapter = new PrismaBetterSqlite3({ url: target.url, timeout: 5000 });
  return new SqliteClient({ adapter });
}

/**
 * WAL keeps readers off the writer's back and, with synchronous=NORMAL, loses no committed
 * transaction when the process is killed (only an OS crash could drop the last commits).
 */
export async function prepareSqlite(db: Db): Promise<void> {
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
}
